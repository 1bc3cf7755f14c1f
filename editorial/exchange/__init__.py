"""The exchange ledger's behaviour, apart from its models (``editorial.models.exchange``).

- ``actions``: a received item becomes a beat-log entry or an assignment in one step;
- ``forms``: who may file an item on which beat, checked on the server;
- ``viewsets``: the ledger in the newsroom desk's menu, with the conversion buttons.
"""
