"""
Every saved version of an exempt report page marks its files as exempt
(``ExemptFile``), whatever happens to the page later. Wired in
``InfoPublikConfig.ready()``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Revision

from . import services
from .models import ReportPage


@receiver(post_save, sender=Revision, dispatch_uid="warta_exempt_files")
def on_revision_saved(sender, instance, created, **kwargs):
    if instance.content_type_id == ContentType.objects.get_for_model(ReportPage).pk:
        services.exempt_files_record(content=instance.content)
