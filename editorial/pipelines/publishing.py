"""What happens when the last step of a pipeline approves: the article goes live.

Wagtail's default finish action publishes as the approving user and so demands that
user hold the publish permission, which would make the pipeline pointless for the
events pipeline, whose only step is an editor's. Here the pipeline is the authority:
whoever may approve its last step publishes through it (the audit log still names
them), while the Publish button itself stays with the editor-in-chief. The publication
checks ran when that approval was given (``editorial.pipelines.checks``).
"""

from __future__ import annotations


def publish_on_approval(workflow_state, user=None) -> None:
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish (or schedule) the approved revision."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
