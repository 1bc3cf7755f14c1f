"""`manage.py sync_roles`: create the newsroom groups with exactly their permissions."""

from django.core.management.base import BaseCommand

from editorial.roles import sync_roles


class Command(BaseCommand):
    help = "Create or update the role groups (Tổng Biên tập, Biên tập viên, Phóng viên, Ban Ảnh)."

    def handle(self, *args, **options):
        groups = sync_roles()
        for role, group in groups.items():
            self.stdout.write(
                f"{group.name}: {group.permissions.count()} model permissions ({role})"
            )
