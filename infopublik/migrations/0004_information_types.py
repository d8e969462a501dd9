"""
The types of public information the agency publishes, as an editable list to
start from; and the Admin Website group, which keeps the register, manages
it (new installations get that from setup_sop).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TYPES = (
    ("APBD", "Anggaran Pendapatan dan Belanja Daerah"),
    ("DPA", "Dokumen Pelaksanaan Anggaran"),
    ("LKjIP", "Laporan Kinerja Instansi Pemerintah"),
    ("LKPJ", "Laporan Keterangan Pertanggungjawaban Kepala Daerah"),
    ("LPPD", "Laporan Penyelenggaraan Pemerintahan Daerah"),
    ("Laporan Keuangan", "Laporan keuangan perangkat daerah"),
    ("Laporan Layanan Informasi Publik", "Laporan tahunan layanan PPID"),
    ("Peraturan Wali Kota", "Peraturan Wali Kota Palangka Raya"),
    ("Renja", "Rencana Kerja perangkat daerah"),
    ("Renstra", "Rencana Strategis perangkat daerah"),
    ("RKPD", "Rencana Kerja Pemerintah Daerah"),
    ("SOP", "Standar Operasional Prosedur"),
    ("Standar Pelayanan", "Standar pelayanan publik"),
    ("Surat Keputusan", "Keputusan Wali Kota atau Kepala Dinas"),
)
GROUP = "Admin Website"
CODENAMES = (
    "add_informationtype",
    "change_informationtype",
    "view_informationtype",
)


def seed(apps, schema_editor):
    InformationType = apps.get_model("infopublik", "InformationType")
    for name, description in TYPES:
        InformationType.objects.get_or_create(
            name=name, defaults={"description": description}
        )
    app_config = apps.get_app_config("infopublik")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="infopublik", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("infopublik", "0003_public_information_register"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
