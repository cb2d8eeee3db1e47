from ..choices import ACCESS_ROUTES, AREA_WIDE_DELIVERY, DELIVERY_MODES
from .external_terms import ServiceExternalTerm
from .feeds import FeedSource, ImportRun, ServiceFeedLink
from .identifiers import OrukIdField, new_oruk_id
from .organisations import Organisation
from .postcodes import Postcode
from .problem_reports import ProblemReport
from .recycle_bin import DeletedService, DeletedServicesPage
from .reviews import ReviewReminder
from .school_holidays import SchoolHoliday
from .services import (
    DirectoryIndexPage,
    ServiceAgeBand,
    ServiceArea,
    ServiceCircumstance,
    ServiceContact,
    ServiceLanguage,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
    ServiceSchedule,
)
from .site_settings import DirectorySettings, current_settings
from .tagging import UnknownVocabularyTerm, VocabularyTaggableManager
from .vocabularies import AgeBand, Circumstance, LevelOfNeed, Need

__all__ = [
    "ACCESS_ROUTES",
    "AREA_WIDE_DELIVERY",
    "DELIVERY_MODES",
    "AgeBand",
    "Circumstance",
    "DeletedService",
    "DeletedServicesPage",
    "DirectoryIndexPage",
    "DirectorySettings",
    "FeedSource",
    "ImportRun",
    "LevelOfNeed",
    "Need",
    "Organisation",
    "OrukIdField",
    "Postcode",
    "ProblemReport",
    "ReviewReminder",
    "SchoolHoliday",
    "ServiceAgeBand",
    "ServiceArea",
    "ServiceCircumstance",
    "ServiceContact",
    "ServiceExternalTerm",
    "ServiceFeedLink",
    "ServiceLanguage",
    "ServiceLocation",
    "ServiceNeed",
    "ServicePage",
    "ServiceSchedule",
    "UnknownVocabularyTerm",
    "VocabularyTaggableManager",
    "current_settings",
    "new_oruk_id",
]
