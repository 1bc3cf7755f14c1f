"""The role table, checked on every admin URL and every state-changing action (issue 14:
the newsroom's rules hold on every path).

``GET_MATRIX`` says, area by area, who may open each admin screen; it is the README's role
table written out (the editor-in-chief publishes and owns the pipelines; editors
commission, edit any draft and approve steps; journalists keep beats and write drafts and
never publish; the photo desk keeps the photos and their credits; the delivery reports are
for editors and the editor-in-chief), with ``editorial/roles.py`` for what the README leaves
to it. Every URL pattern under /admin/ (walked from Django's resolver) must fall under
exactly one rule, or be in ``NOT_COVERED`` with the reason. ``POST_MATRIX`` says who may
take each action that changes state; a refused one must leave the database as it was.

The columns are demo users: ``bientap2`` is the editorial board's editor (the board is a
duty on top of the editor's group, so it adds no screen), and the subjects the URLs are
filled with are described in ``tests.support.admin_urls.DemoSubjects``. One test per role
walks all its URLs and lists every cell that disagrees; the matrix size is printed (run
with ``-s`` and without ``-n`` to see it).
"""

from __future__ import annotations

from fnmatch import fnmatchcase

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from tests.support.admin_actions import ACTIONS, changed_keys, fingerprint
from tests.support.admin_urls import (
    ALLOW,
    DENY,
    POST_ONLY,
    DemoSubjects,
    admin_patterns,
    fill,
    get_outcome,
)

pytestmark = pytest.mark.django_db

# --- The columns ------------------------------------------------------------------------

CHIEF, EDITOR, BOARD, JOURNALIST, PHOTO, ANONYMOUS = (
    "editor-in-chief",
    "editor",
    "editorial board",
    "journalist",
    "photo desk",
    "anonymous",
)
LOGINS = {
    CHIEF: "tongbientap",
    EDITOR: "bientap",
    BOARD: "bientap2",
    JOURNALIST: "phongvien",
    PHOTO: "bananh",
    ANONYMOUS: None,
}
ROLES = tuple(LOGINS)
STAFF = (CHIEF, EDITOR, BOARD, JOURNALIST, PHOTO)
EDITORS = (CHIEF, EDITOR, BOARD)
WRITERS = (*EDITORS, JOURNALIST)  # page permissions: they write articles
NOBODY = ()


def only(*roles: str) -> dict[str, str]:
    """Those roles are let in; everyone else (anonymous included) is refused."""
    return {role: ALLOW if role in roles else DENY for role in ROLES}


EVERYONE = dict.fromkeys(ROLES, ALLOW)
# A URL that takes POST only: GET answers 405 once past the login (its permission is
# what POST_MATRIX checks, where the action is one of ours to guard).
POST_ONLY_URL = dict.fromkeys(STAFF, POST_ONLY) | {ANONYMOUS: DENY}

# --- Who may open what ------------------------------------------------------------------
# area → [(URL names or routes, fnmatch patterns), expected outcome per role, why].

GET_MATRIX: dict[str, list[tuple[tuple[str, ...], dict[str, str], str]]] = {
    "signing in": [
        (
            ("wagtailadmin_login",),
            only(ANONYMOUS),
            "the login; a signed-in user is sent on to the dashboard",
        ),
        (
            (
                "wagtailadmin_password_reset*",
                "wagtailadmin_sprite",
                "wagtailadmin_javascript_catalog",
            ),
            EVERYONE,
            "password reset, the icon sprite and the JavaScript catalogue are public",
        ),
        (
            ("wagtailadmin_logout",),
            POST_ONLY_URL,
            "signing out is a POST",
        ),
    ],
    "dashboard and account": [
        (
            ("wagtailadmin_home", "wagtailadmin_account", "wagtailadmin_dismissibles"),
            only(*STAFF),
            "every role signs in to the dashboard and keeps its own account",
        ),
        (("admin/test404/",), only(*STAFF), "Wagtail's preview of its 404 page"),
        (("admin/^.*/$",), only(), "an address the admin does not have: 404, or the login"),
        (
            ("wagtailadmin_block_preview",),
            only(*STAFF),
            "a StreamField block's preview, for the editor forms",
        ),
    ],
    "choosers and autocompletes (modals other screens open; each lists only what the user may pick)": [
        (
            (
                "wagtailadmin_choose_page*",
                "wagtailadmin_tag_autocomplete",
                "wagtailadmin_tag_model_autocomplete",
                "wagtailembeds:*",
            ),
            only(*STAFF),
            "page links, tags and embeds in any form",
        ),
        (
            ("wagtailimages_chooser:*",),
            only(*STAFF),
            "every role may choose and add photos (roles.py: choose_image, add_image)",
        ),
        (
            (
                "wagtaildocs_chooser:choose",
                "wagtaildocs_chooser:choose_results",
                "wagtaildocs_chooser:chosen_multiple",
            ),
            only(*STAFF),
            "the document chooser opens for anyone and lists only what they may choose",
        ),
        (
            ("wagtaildocs_chooser:chosen", "wagtaildocs_chooser:create"),
            only(*WRITERS),
            "documents are chosen and added by those who write (the photo desk has none)",
        ),
        (
            (
                "wagtailsnippetchoosers_*:choose",
                "wagtailsnippetchoosers_*:choose_results",
                "wagtailsnippetchoosers_*:chosen",
                "wagtailsnippetchoosers_*:chosen_multiple",
            ),
            only(*STAFF),
            "every role reads the programme's records (roles.py: view)",
        ),
        (
            ("wagtailsnippetchoosers_*:create",),
            only(*EDITORS),
            "editors and the editor-in-chief keep the programme up to date (roles.py: add)",
        ),
        (
            (
                "wagtailadmin_workflows:task_chooser",
                "wagtailadmin_workflows:task_chooser_results",
                "wagtailadmin_workflows:task_chooser_create",
                "wagtailadmin_workflows:task_chosen",
            ),
            only(*STAFF),
            "the workflow editor's step chooser shows step names; creating one is refused "
            "on POST to all but the editor-in-chief (roles.py: add_task)",
        ),
    ],
    "admin API (what the explorer menu and choosers fetch)": [
        (
            ("wagtailadmin_api:pages:listing",),
            only(*STAFF),
            "lists only the pages the user may explore: none for the photo desk",
        ),
        (
            ("wagtailadmin_api:pages:detail", "wagtailadmin_api:pages:find"),
            only(*WRITERS),
            "an article's data is for those with page permissions",
        ),
        (("wagtailadmin_api:pages:action",), POST_ONLY_URL, "page actions: see POST_MATRIX"),
        (
            ("wagtailadmin_api:documents:listing",),
            only(*STAFF),
            "lists only the documents the user may choose: none for the photo desk",
        ),
        (
            ("wagtailadmin_api:documents:detail", "wagtailadmin_api:documents:find"),
            only(*WRITERS),
            "a document is for those who may choose documents (the photo desk may not)",
        ),
        (("wagtailadmin_api:images:*",), only(*STAFF), "every role may choose photos"),
    ],
    "pages explorer (subject: a live article nobody on the staff owns, under its hub)": [
        (
            (
                "wagtailadmin_explore_root",
                "wagtailadmin_explore",
                "wagtailadmin_explore_results",
                "wagtailadmin_pages:search",
                "wagtailadmin_pages:search_results",
                "wagtailadmin_pages:type_use",
                "wagtailadmin_pages:type_use_results",
            ),
            only(*WRITERS),
            "those who write see the site's pages; the photo desk has no page permission",
        ),
        (
            (
                "wagtailadmin_pages:add",
                "wagtailadmin_pages:preview_on_add",
                "wagtailadmin_pages:add_subpage",
            ),
            only(*WRITERS),
            "journalists start drafts under a topic hub (roles.py: add_page)",
        ),
        (
            ("wagtailadmin_pages:choose_parent",),
            only(*STAFF),
            "lists the hubs the user may add an article to: none for the photo desk",
        ),
        (
            (
                "wagtailadmin_pages:edit",
                "wagtailadmin_pages:preview_on_edit",
                "wagtailadmin_pages:view_draft",
                "wagtailadmin_pages:usage",
                "wagtailadmin_pages:copy",
                "wagtailadmin_pages:history",
                "wagtailadmin_pages:history_results",
                "wagtailadmin_pages:revisions_index",
                "wagtailadmin_pages:revisions_view",
                "wagtailadmin_pages:revisions_compare",
                "wagtailadmin_pages:revisions_revert",
            ),
            only(*EDITORS),
            "editors edit any article; a journalist only their own (not this one)",
        ),
        (
            (
                "wagtailadmin_pages:delete",
                "wagtailadmin_pages:unpublish",
                "wagtailadmin_pages:move",
                "wagtailadmin_pages:move_confirm",
                "wagtailadmin_pages:set_privacy",
                "wagtailadmin_pages:revisions_unschedule",
            ),
            only(CHIEF),
            "taking a live article off the site, out of its hub (and so maybe its "
            "pipeline) or behind a login is for whoever publishes it: the editor-in-chief",
        ),
        (
            ("wagtail_bulk_action",),
            only(*STAFF),
            "the bulk confirmation lists which chosen pages the user may not act on; "
            "the POST refuses them (POST_MATRIX)",
        ),
        (
            (
                "wagtailadmin_pages:lock",
                "wagtailadmin_pages:unlock",
                "wagtailadmin_pages:set_page_position",
            ),
            POST_ONLY_URL,
            "POST only: locking is in POST_MATRIX",
        ),
    ],
    "publication pipelines (subject: the article waiting for the editor-in-chief's sign-off)": [
        (
            (
                "wagtailadmin_pages:workflow_action",
                "wagtailadmin_pages:collect_workflow_action_data",
                "wagtailadmin_pages:workflow_preview",
            ),
            only(CHIEF),
            "only the step's reviewers act on it: the sign-off is the editor-in-chief's",
        ),
        (
            ("wagtailadmin_pages:confirm_workflow_cancellation",),
            only(*STAFF),
            "Wagtail's warning before Publish over a pipeline: the step's and pipeline's "
            "names, no action (it asks no permission, as the page chooser shows any "
            "page's title); publishing itself is the editor-in-chief's (POST_MATRIX)",
        ),
        (
            ("wagtailadmin_pages:workflow_history", "wagtailadmin_pages:workflow_history_detail"),
            only(*EDITORS),
            "an article's pipeline history is for those who may edit it",
        ),
        (
            (
                "wagtailadmin_workflows:index",
                "wagtailadmin_workflows:index_results",
                "wagtailadmin_workflows:add",
                "wagtailadmin_workflows:edit",
                "wagtailadmin_workflows:usage",
                "wagtailadmin_workflows:usage_results",
                "wagtailadmin_workflows:select_task_type",
                "wagtailadmin_workflows:add_task",
                "wagtailadmin_workflows:task_index",
                "wagtailadmin_workflows:task_index_results",
                "wagtailadmin_workflows:edit_task",
            ),
            only(CHIEF),
            "the editor-in-chief edits the workflows under Settings → Workflows (README)",
        ),
        (
            ("wagtailadmin_workflows:disable", "wagtailadmin_workflows:disable_task"),
            only(),
            "disabling a pipeline would leave its topic's articles with none (system "
            "check editorial.E010); no role holds delete_workflow or delete_task",
        ),
        (
            (
                "wagtailadmin_workflows:enable",
                "wagtailadmin_workflows:enable_task",
                "wagtailadmin_workflows:remove",
            ),
            POST_ONLY_URL,
            "POST only",
        ),
    ],
    "Wagtail's reports (its own Reports menu, beside Báo cáo)": [
        (
            ("wagtailadmin_reports:locked_pages*",),
            only(*EDITORS),
            "those who may lock pages see the locked ones",
        ),
        (
            (
                "wagtailadmin_reports:workflow",
                "wagtailadmin_reports:workflow_results",
                "wagtailadmin_reports:workflow_tasks",
                "wagtailadmin_reports:workflow_tasks_results",
                "wagtailadmin_reports:aging_pages*",
                "wagtailadmin_reports:page_types_usage*",
            ),
            only(*WRITERS),
            "Wagtail shows these to anyone with a page permission",
        ),
        (
            ("wagtailadmin_reports:site_history*",),
            only(*STAFF),
            "each user sees the history of what they may see",
        ),
    ],
    "delivery reports (Báo cáo: editors and the editor-in-chief only, README)": [
        (
            ("report_progress:*", "report_coverage:*", "report_cycle_times:*"),
            only(*EDITORS),
            "the reports read every assignment and draft",
        ),
        (("report_overdue:*", "report_annual:*"), only(*EDITORS), "the same"),
        (
            ("report_articles:*",),
            only(*EDITORS),
            "the article listing behind the reports' numbers is part of them",
        ),
        (
            ("undelivered_mail:index",),
            only(*EDITORS),
            "undelivered mail names every recipient and what they were told about",
        ),
    ],
    "newsroom desk (subject: another journalist's assignment and beat log entry)": [
        (
            ("desk_assignment:index", "desk_assignment:index_results", "desk_calendar:index"),
            only(*STAFF),
            "everyone sees the assignments that concern them (the photo desk: those "
            "needing photos)",
        ),
        (("desk_assignment:add",), only(*WRITERS), "journalists propose, editors commission"),
        (
            (
                "desk_assignment:edit",
                "desk_assignment:delete",
                "desk_assignment:history",
                "desk_assignment:history_results",
                "desk_assignment:usage",
                "desk_assignment:inspect",
            ),
            only(*EDITORS),
            "another journalist's assignment, with no photos asked for: the desk's editors",
        ),
        (
            (
                "desk_assignment:commission",
                "desk_assignment:accept",
                "desk_assignment:decline",
                "desk_assignment:cancel",
                "desk_assignment:start_draft",
            ),
            POST_ONLY_URL,
            "the desk card's buttons post (tests/test_desk_actions.py checks who)",
        ),
        (
            ("desk_log:index", "desk_log:index_results", "desk_log:add"),
            only(*WRITERS),
            "journalists log on their beats; the photo desk keeps no beat log",
        ),
        (
            (
                "desk_log:edit",
                "desk_log:delete",
                "desk_log:history",
                "desk_log:history_results",
                "desk_log:usage",
                "desk_log:inspect",
            ),
            only(*EDITORS),
            "an entry on a beat the journalist does not follow: editors read all",
        ),
        (
            ("desk_exchange:index", "desk_exchange:index_results", "desk_exchange:add"),
            only(*WRITERS),
            "journalists file exchange items on their beats; the photo desk sees none",
        ),
        (
            (
                "desk_exchange:edit",
                "desk_exchange:delete",
                "desk_exchange:history",
                "desk_exchange:history_results",
                "desk_exchange:usage",
                "desk_exchange:inspect",
            ),
            only(*EDITORS),
            "an item on a beat the journalist does not follow: editors read all",
        ),
        (
            ("desk_exchange:make_log_entry",),
            POST_ONLY_URL,
            "the ledger card's button posts (tests/test_exchange.py checks who)",
        ),
        (
            ("desk_beat:index", "desk_beat:index_results", "desk_beat:inspect"),
            only(*STAFF),
            "every role reads the beats (roles.py: view_beat)",
        ),
        (
            (
                "desk_beat:add",
                "desk_beat:edit",
                "desk_beat:delete",
                "desk_beat:history",
                "desk_beat:history_results",
                "desk_beat:usage",
            ),
            only(*EDITORS),
            "editors set up the beats and who is on them",
        ),
    ],
    "programme records (Chương trình phối hợp)": [
        (
            (
                "wagtailsnippets_editorial_*:list",
                "wagtailsnippets_editorial_*:list_results",
                "wagtailsnippets_editorial_*:inspect",
            ),
            only(*STAFF),
            "every role reads the programme and plans (roles.py: view)",
        ),
        (
            (
                "wagtailsnippets_editorial_*:add",
                "wagtailsnippets_editorial_*:edit",
                "wagtailsnippets_editorial_*:copy",
                "wagtailsnippets_editorial_*:usage",
                "wagtailsnippets_editorial_*:history",
                "wagtailsnippets_editorial_*:history_results",
                "wagtailsnippets_editorial_*:revisions_revert",
                "wagtailsnippets_editorial_*:revisions_compare",
            ),
            only(*EDITORS),
            "editors keep the programme, plans, events and people up to date",
        ),
        (
            ("wagtailsnippets_editorial_*:delete",),
            only(CHIEF),
            "deleting a record of the signed programme is the editor-in-chief's call",
        ),
        (
            ("wagtailsnippets:index",),
            only(),
            "no snippet is left for Wagtail's snippets index: all are in the programme menu",
        ),
    ],
    "photos (subject: a demo photo nobody on the staff uploaded)": [
        (
            (
                "wagtailimages:index",
                "wagtailimages:index_results",
                "wagtailimages:add",
                "wagtailimages:add_multiple",
            ),
            only(*STAFF),
            "every role files photos (roles.py: add_image)",
        ),
        (
            ("wagtailimages:edit", "wagtailimages:image_usage", "wagtailimages:preview"),
            only(*EDITORS, PHOTO),
            "editors and the photo desk fix photos and credits; a journalist only their own",
        ),
        (
            ("wagtailimages:delete",),
            only(CHIEF, PHOTO),
            "deleting a photo is the photo desk's or the editor-in-chief's "
            "(roles.py: delete_image)",
        ),
        (
            ("wagtailimages:url_generator", "wagtailimages:url_generator_output"),
            only(),
            "no dynamic image URLs: the site does not mount Wagtail's image serve view",
        ),
        (
            ("wagtailimages:edit_multiple", "wagtailimages:delete_multiple"),
            POST_ONLY_URL,
            "the multiple upload form's posts",
        ),
    ],
    "documents (subject: a document the journalist filed)": [
        (
            (
                "wagtaildocs:index",
                "wagtaildocs:index_results",
                "wagtaildocs:add",
                "wagtaildocs:add_multiple",
                "wagtaildocs:edit",
                "wagtaildocs:document_usage",
            ),
            only(*WRITERS),
            "those who write file documents; editors change any, a journalist their own",
        ),
        (
            ("wagtaildocs:delete",),
            only(CHIEF, JOURNALIST),
            "deleting is the editor-in-chief's (roles.py: delete_document) or the uploader's own",
        ),
        (
            ("wagtaildocs:edit_multiple", "wagtaildocs:delete_multiple"),
            POST_ONLY_URL,
            "the multiple upload form's posts",
        ),
    ],
    "users, groups and site settings (a superuser's job, no role's)": [
        (
            (
                "wagtailusers_users:*",
                "wagtailusers_groups:*",
                "wagtailsites:*",
                "wagtailadmin_collections:*",
                "wagtailredirects:*",
            ),
            only(),
            "accounts, role groups (sync_roles sets them), sites, collections, redirects",
        ),
        (
            ("wagtailforms:index", "wagtailforms:index_results"),
            only(*WRITERS),
            "Wagtail's form listing, for page editors (the site has no form pages)",
        ),
    ],
    "print issues (subject: Số 958, in proof)": [
        (
            ("print_issues:index", "print_issues:planner"),
            only(*EDITORS),
            "those who commission plan the issues; journalists see their own assignments",
        ),
        (
            ("print_issues:sign_off",),
            POST_ONLY_URL,
            "POST only; only the editor-in-chief signs (tests/test_print_issues.py checks who)",
        ),
    ],
    "sign-in lockouts (roles.py: UNLOCK_SIGN_IN, the editor-in-chief's)": [
        (("sign_in_lockouts:index",), only(CHIEF), "lifting a lockout undoes the guess brake"),
        (
            ("sign_in_lockouts:unlock",),
            only() | {CHIEF: POST_ONLY},
            "POST only; refused before the method to everyone else "
            "(tests/test_login_throttling.py checks the POST)",
        ),
    ],
    "embargoes (roles.py: BREAK_EMBARGO, the editor-in-chief's)": [
        (
            ("coverage_break_embargo",),
            only(CHIEF),
            "publishing before an agreed time breaks a promise to a partner "
            "(tests/test_embargo.py checks the POST)",
        ),
    ],
}

# --- Patterns the matrix cannot fill ------------------------------------------------------

NOT_COVERED: dict[str, str] = {
    "wagtailadmin_error_test": "raises on purpose: Wagtail's test of the 500 page",
    "wagtailadmin_editing_sessions:ping": "POST only, with an editing session the editor "
    "form opens for its own user",
    "wagtailadmin_editing_sessions:release": "POST only, as ping",
    "wagtailadmin_pages:convert_alias": "needs an alias page; the newsroom makes none",
    "wagtailforms:list_submissions": "needs a form page; the site has no form page type",
    "wagtailforms:list_submissions_results": "as list_submissions",
    "wagtailforms:delete_submissions": "as list_submissions",
    "wagtailsettings:edit": "no settings model is registered",
    "wagtailsettings:preview_on_edit": "no settings model is registered",
    "wagtailimages:create_multiple_from_uploaded_image": "POST only, with a file the "
    "multiple upload form has just sent",
    "wagtailimages:delete_upload_multiple": "as create_multiple_from_uploaded_image",
    "wagtaildocs:create_multiple_from_uploaded_document": "POST only, with a file the "
    "multiple upload form has just sent",
    "wagtaildocs:delete_upload_multiple": "as create_multiple_from_uploaded_document",
    "undelivered_mail:send_again": "POST only, with a given-up mail task row the demo has "
    "none of; tests/test_mail_delivery.py checks who may send one again",
}

# --- Who may take each action --------------------------------------------------------------
# action (tests.support.admin_actions.ACTIONS) → who may take it, why.

POST_MATRIX: dict[str, tuple[tuple[str, ...], str]] = {
    "publish (editor form)": (
        (CHIEF,),
        "only the editor-in-chief publishes, here over the pipeline's last step",
    ),
    "publish (admin API)": ((CHIEF,), "the same rule on the admin API's publish action"),
    "approve the pipeline step": ((CHIEF,), "the sign-off step is the editor-in-chief's"),
    "cancel the pipeline": (
        (CHIEF,),
        "a pipeline is cancelled by its reviewer or its writer (not a column); the page "
        "is locked to everyone else while in review",
    ),
    "move": ((CHIEF,), "moving a live article is for whoever publishes it"),
    "unpublish": ((CHIEF,), "taking an article off the site is the editor-in-chief's"),
    "lock": (EDITORS, "editors and the editor-in-chief lock pages (roles.py: lock_page)"),
    "delete": ((CHIEF,), "deleting a live article is the editor-in-chief's"),
    "delete (bulk action)": ((CHIEF,), "the same rule through the listing's bulk delete"),
    "delete a photo": ((CHIEF, PHOTO), "roles.py: delete_image"),
    "delete a document": (
        (CHIEF, JOURNALIST),
        "roles.py: delete_document, or the journalist's own upload",
    ),
    "delete an assignment": (EDITORS, "roles.py: delete_assignment, editors only"),
}


# --- The tests ---------------------------------------------------------------------------


def rule_for(key: str) -> list[tuple[str, dict[str, str], str]]:
    return [
        (area, expected, why)
        for area, rules in GET_MATRIX.items()
        for names, expected, why in rules
        if any(fnmatchcase(key, name) for name in names)
    ]


def matrix_urls(subjects: DemoSubjects) -> list[tuple[str, str, str, dict[str, str]]]:
    """(area, pattern key, URL, expected outcome per role) for every fillable pattern."""
    rows = []
    for pattern in admin_patterns():
        if pattern.key in NOT_COVERED:
            continue
        url = fill(pattern, subjects)
        assert url is not None, f"{pattern.key} ({pattern.route}) cannot be filled"
        [(area, expected, _why)] = rule_for(pattern.key)
        rows.append((area, pattern.key, url, expected))
    return rows


def test_every_admin_url_has_exactly_one_rule_or_a_reason(demo):
    subjects = DemoSubjects.build()
    patterns = admin_patterns()
    keys = {pattern.key for pattern in patterns}
    problems = []
    for pattern in patterns:
        matched = rule_for(pattern.key)
        if pattern.key in NOT_COVERED:
            if matched:
                problems.append(f"{pattern.key}: listed as not covered, yet has a rule")
            continue
        if fill(pattern, subjects) is None:
            problems.append(f"{pattern.key} ({pattern.route}): no real id fills it")
        if len(matched) != 1:
            areas = [area for area, _expected, _why in matched]
            problems.append(f"{pattern.key}: {len(matched)} rules {areas}")
    problems += [f"{key}: not covered, but no such URL" for key in NOT_COVERED if key not in keys]
    for area, rules in GET_MATRIX.items():
        for names, _expected, _why in rules:
            for name in names:
                if not any(fnmatchcase(key, name) for key in keys):
                    problems.append(f"{area}: {name} matches no URL")
    assert not problems, "\n".join(problems)


def log_in(client, role: str) -> None:
    if LOGINS[role]:
        client.force_login(get_user_model().objects.get(username=LOGINS[role]))


@pytest.mark.parametrize("role", ROLES)
def test_get_matrix(demo, client, role):
    subjects = DemoSubjects.build()
    rows = matrix_urls(subjects)
    not_covered = sum(pattern.key in NOT_COVERED for pattern in admin_patterns())
    log_in(client, role)
    mismatches = []
    for area, key, url, expected in rows:
        got, detail = get_outcome(client, url)
        if got != expected[role]:
            mismatches.append(
                f"  [{area}] {key}: {url} → {got} ({detail}), expected {expected[role]}"
            )
        if LOGINS[role] and "_auth_user_id" not in client.session:
            log_in(client, role)  # a screen signed the user out: carry on signed in
    print(
        f"\nrole matrix (GET): {len(rows)} admin URLs × {len(ROLES)} roles = "
        f"{len(rows) * len(ROLES)} cells; {role}: {len(rows)} checked, "
        f"{len(mismatches)} mismatches; {not_covered} more patterns not covered (NOT_COVERED)"
    )
    assert not mismatches, f"{role} ({LOGINS[role]}):\n" + "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_post_matrix(demo, client, role):
    subjects = DemoSubjects.build()
    log_in(client, role)
    mismatches = []
    for name, (allowed, _why) in POST_MATRIX.items():
        action = ACTIONS[name]
        with transaction.atomic():
            before = fingerprint()
            response = action.post(client, subjects)
            status = getattr(response, "status_code", response)
            done = action.done(subjects)
            changed = changed_keys(before, fingerprint())
            transaction.set_rollback(True)
        if role in allowed and not done:
            mismatches.append(f"  {name}: refused (HTTP {status}), expected to take effect")
        elif role not in allowed and (done or changed):
            mismatches.append(f"  {name}: changed {changed} (HTTP {status}), expected refused")
    print(
        f"\nrole matrix (POST): {len(POST_MATRIX)} actions × {len(ROLES)} roles = "
        f"{len(POST_MATRIX) * len(ROLES)} cells; {role}: {len(mismatches)} mismatches"
    )
    assert not mismatches, f"{role} ({LOGINS[role]}):\n" + "\n".join(mismatches)
