"""Info Publik's models: its pages, and the register of public information."""

from .pages import ArticleIndexPage, ArticlePage, InfoPublikHomePage, Section
from .register import (
    PERIODIC_FRESHNESS,
    ExemptFile,
    ExemptionBasis,
    InformationCategory,
    InformationForm,
    InformationType,
    RegisterIndexPage,
    ReportDocument,
    ReportPage,
    ReportRelatedNews,
)

__all__ = [
    "PERIODIC_FRESHNESS",
    "ArticleIndexPage",
    "ArticlePage",
    "ExemptFile",
    "ExemptionBasis",
    "InfoPublikHomePage",
    "InformationCategory",
    "InformationForm",
    "InformationType",
    "RegisterIndexPage",
    "ReportDocument",
    "ReportPage",
    "ReportRelatedNews",
    "Section",
]
