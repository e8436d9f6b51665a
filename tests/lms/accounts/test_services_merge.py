"""Merging one organisation into another (merge_organisations): members, parts and other
apps' records move, the source goes, the audit log keeps what happened; bad merges change
nothing."""

import pytest
from wagtail.models import ModelLogEntry

from content.library.models import DownloadCount
from content.library.signals import fold_download_counts_on_merge
from lms.accounts.models import Organisation
from lms.accounts.services import ACTION_MERGE, OrganisationMergeError, merge_organisations
from lms.accounts.signals import organisation_merging
from tests.factories.library import build_handbook
from tests.factories.users import administrator, learner
from tests.lms.accounts.helpers import make

pytestmark = pytest.mark.django_db


def test_merge_moves_members_keeping_their_confirmation_and_children(source, target):
    confirmed = learner(organisation=source, organisation_confirmed=True)
    declared = learner(organisation=source)
    child = make("service", parent=source)
    admin = administrator()
    result = merge_organisations(source=source, target=target, by=admin)
    assert (result.members, result.children) == (2, 1)
    confirmed.refresh_from_db()
    declared.refresh_from_db()
    child.refresh_from_db()
    assert (confirmed.organisation, confirmed.organisation_confirmed) == (target, True)
    assert (declared.organisation, declared.organisation_confirmed) == (target, False)
    assert child.parent == target
    assert not Organisation.objects.filter(pk=source.pk).exists()


def test_merge_writes_an_audit_entry_with_who_and_what(source, target):
    learner(organisation=source)
    admin = administrator()
    merge_organisations(source=source, target=target, by=admin)
    entry = ModelLogEntry.objects.for_instance(target).get(action=ACTION_MERGE)
    assert entry.user == admin
    assert entry.data["source"]["slug"] == "commune-doublon"
    assert entry.data["members"] == 1
    assert entry.timestamp is not None


def test_merge_moves_records_of_other_apps_found_through_the_relations(source, target):
    edition = build_handbook(extract=False).editions.get()
    downloads = DownloadCount.objects.create(edition=edition, organisation=source, count=4)
    result = merge_organisations(source=source, target=target, by=administrator())
    downloads.refresh_from_db()
    assert downloads.organisation == target
    assert result.others == {"content.DownloadCount": 1}


def test_records_that_clash_refuse_the_merge_and_change_nothing(source, target):
    edition = build_handbook(extract=False).editions.get()
    DownloadCount.objects.create(edition=edition, organisation=source, count=4)
    DownloadCount.objects.create(edition=edition, organisation=target, count=1)
    member = learner(organisation=source)
    # As if the library did not fold its counts (an app that forgot to listen to the signal).
    organisation_merging.disconnect(dispatch_uid="content.library.fold_download_counts")
    try:
        with pytest.raises(OrganisationMergeError):
            merge_organisations(source=source, target=target, by=administrator())
    finally:
        organisation_merging.connect(
            fold_download_counts_on_merge, dispatch_uid="content.library.fold_download_counts"
        )
    member.refresh_from_db()
    assert member.organisation == source
    assert Organisation.objects.filter(pk=source.pk).exists()


def test_the_library_adds_up_the_download_counts_of_both_organisations(source, target):
    handbook = build_handbook(extract=False)
    edition = handbook.editions.get()
    DownloadCount.objects.create(edition=edition, organisation=source, count=4)
    kept = DownloadCount.objects.create(edition=edition, organisation=target, count=1)

    merge_organisations(source=source, target=target, by=administrator())

    kept.refresh_from_db()
    assert kept.count == 5
    assert DownloadCount.objects.filter(edition=edition).count() == 1


def test_merge_into_a_descendant_is_refused_and_changes_nothing(source):
    child = make("service", parent=source)
    grandchild = make("bureau", parent=child)
    member = learner(organisation=source)
    with pytest.raises(OrganisationMergeError):
        merge_organisations(source=source, target=grandchild, by=administrator())
    member.refresh_from_db()
    grandchild.refresh_from_db()
    assert member.organisation == source
    assert grandchild.parent == child
    assert not ModelLogEntry.objects.filter(action=ACTION_MERGE).exists()


def test_merge_into_itself_is_refused(source):
    with pytest.raises(OrganisationMergeError):
        merge_organisations(source=source, target=source, by=administrator())
    assert Organisation.objects.filter(pk=source.pk).exists()


def test_a_second_merge_of_the_same_source_is_refused_clearly(source, target):
    admin = administrator()
    merge_organisations(source=source, target=target, by=admin)
    with pytest.raises(OrganisationMergeError, match="no longer exists|n’existe plus"):
        merge_organisations(source=source, target=target, by=admin)
