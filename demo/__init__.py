"""A fictional demo directory for the London Borough of Lewisham (``manage.py load_demo``), and
synthetic services in any number for benchmarks (``generation/``, ``manage.py
generate_services``). Both write through the catalogue's service writer; no models of their own.

Every organisation, service, phone number and email address here is invented. Street names and
postcode districts are real so that maps and postcode searches behave as they would on a live
site; the coordinates are approximate (see ``postcodes.py``).
"""
