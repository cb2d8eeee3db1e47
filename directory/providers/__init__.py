"""Provider accounts: staff at a provider organisation edit only that organisation's services.

Who is restricted is decided in ``access``; Wagtail's page permission tester is narrowed in
``permissions`` (used by every admin view through ``ServicePage.permissions_for_user``); the edit
form offers only the provider's organisations (``forms``); the explorer lists only their services
(``admin``). Their changes still need the Commissioners' approval, because the Providers group has
no publish permission.
"""
