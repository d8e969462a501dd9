"""
The leaders' agenda is new: the SOP groups that already exist get its
permissions (the Kasi and the Media Center team enter it, operators and
reporters read it; the Kasi keeps the list of officials). New installations
get them from setup_sop; nothing else of a group changes.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
AGENDA_MANAGE = (*(f"{a}_agendaitem" for a in ACTIONS), "view_official")
READ = ("view_agendaitem", "view_official")
GRANTS = {
    "Kasi Kehumasan dan Layanan Informasi": AGENDA_MANAGE
    + tuple(f"{a}_official" for a in ACTIONS),
    "Tim Pengelola Media Center": AGENDA_MANAGE,
    "Admin / Operator": READ,
    "Reporter / Kontributor": READ,
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
    dependencies = [("media_center", "0005_leaders_agenda")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
