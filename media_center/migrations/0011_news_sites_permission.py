"""
Choosing the sites a news item is published on is new: the Media Center
team and the operators get it in the SOP groups that already exist. New
installations get it from setup_sop; nothing else of a group changes.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Tim Pengelola Media Center", "Admin / Operator")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("media_center")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="media_center", codename="choose_news_sites"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("media_center", "0010_news_on_three_sites")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
