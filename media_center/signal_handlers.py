"""
The assignment follows its news by itself (issue 4, point 3): submitting the
linked news to the workflow marks it "news submitted", publishing it marks it
"published"; unpublishing it goes back to "news submitted", deleting it back
to "covered". Publishing a news item also puts its copies on the other sites
chosen (news SOP step 6) and records when it went live on each; deleting it
deletes them. Wired in
``MediaCenterConfig.ready()``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published, page_unpublished, workflow_submitted

from . import services
from .models import NewsPage


@receiver(
    workflow_submitted, sender=WorkflowState, dispatch_uid="warta_assignment_submitted"
)
def on_news_submitted(sender, instance, user=None, **kwargs):
    if instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    services.assignment_news_submitted(
        news_id=int(instance.object_id), at=timezone.now()
    )


@receiver(page_published, sender=NewsPage, dispatch_uid="warta_assignment_published")
def on_news_published(sender, instance, revision=None, **kwargs):
    if not instance.live:
        # Wagtail also signals a first publication scheduled for later; it
        # signals again when the news goes live.
        return
    if instance.alias_of_id is not None:
        # Wagtail updates the existing copies after the original's signal.
        services.news_copy_live_record(copy=instance)
        return
    services.assignment_news_published(
        news_id=instance.pk, at=instance.last_published_at or timezone.now()
    )
    services.news_publication_record(news=instance, revision=revision)
    # The signal does not say who published; Wagtail logs that on the news.
    services.news_syndicate(news=instance)


@receiver(
    page_unpublished, sender=NewsPage, dispatch_uid="warta_assignment_unpublished"
)
def on_news_unpublished(sender, instance, **kwargs):
    services.assignment_news_unpublished(news_id=instance.pk)


@receiver(pre_delete, sender=NewsPage, dispatch_uid="warta_assignment_news_deleted")
def on_news_deleted(sender, instance, **kwargs):
    if instance.alias_of_id is None:
        services.assignment_news_deleted(news_id=instance.pk)
        services.news_copies_delete(news_id=instance.pk)
