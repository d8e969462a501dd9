"""
The duty roster is new: the SOP groups that already exist get its
permissions (the Kasi makes the roster, the Media Center groups read it).
New installations get them from setup_sop. Groups that do not exist are
left to setup_sop; nothing else of a group changes.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = ("view_dutyroster", "view_dutyshift")
MANAGE = tuple(
    f"{action}_{model}"
    for model in ("dutyroster", "dutyshift")
    for action in ("add", "change", "delete", "view")
)
GRANTS = {
    "Kasi Kehumasan dan Layanan Informasi": MANAGE,
    "Tim Pengelola Media Center": READ,
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
    dependencies = [
        ("media_center", "0003_duty_roster"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
