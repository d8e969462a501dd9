"""
Coverage assignments are new: the SOP groups that already exist get their
permissions (the Kasi and the Media Center team assign, operators and
reporters read; a reporter changes the state of their own assignments
through its own view). New installations get them from setup_sop; nothing
else of a group changes.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGE = tuple(f"{a}_assignment" for a in ("add", "change", "delete", "view"))
GRANTS = {
    "Kasi Kehumasan dan Layanan Informasi": MANAGE,
    "Tim Pengelola Media Center": MANAGE,
    "Admin / Operator": ("view_assignment",),
    "Reporter / Kontributor": ("view_assignment",),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("media_center")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="media_center", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [("media_center", "0007_coverage_assignments")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
