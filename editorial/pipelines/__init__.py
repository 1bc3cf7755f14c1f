"""Publication pipelines: each programme topic's Wagtail workflow and what Wagtail lacks.

- ``routing``: a topic names its workflow; its hub page (and so its articles) uses it.
- ``reviewers``: who the named-reviewer step is assigned to.
- ``checks``: credits, sapo and byline checked before the last step publishes.
- ``deadlines``: time allowed per step, overdue steps, one reminder each.
- ``notifications``: Wagtail's moderation mails, to the right people, in the background.
- ``history``: each step with who, when and how long, for an article or assignment.
- ``scheduler``: publishes due pages and sends reminders without anyone running a command.

The step types themselves are models: ``editorial.models.pipelines``.
"""
