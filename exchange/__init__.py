"""Data exchange: the Open Referral UK API, import and export; spreadsheet import and export;
feeds pulled on a schedule and every import's run. Built on the catalogue (``directory``) and its
service writer; no models of its own (FeedSource, ImportRun and ServiceFeedLink are the
catalogue's)."""
