import pytest

from exhibitors.models import Product
from exportsupport.services import support_request_file
from tests.exhibitors.files import pdf
from tests.factories import CooperativeFactory, UserFactory


@pytest.fixture
def manager(db):
    return UserFactory(language="fr")


@pytest.fixture
def cooperative(manager):
    return CooperativeFactory(managers=[manager], language="fr")


@pytest.fixture
def product(cooperative):
    return Product.objects.create(
        cooperative=cooperative,
        name_ar="زيت الزيتون",
        name_fr="Huile d'olive",
        category="olive_oil",
    )


@pytest.fixture
def officer(db):
    return UserFactory(groups=["Logistics unit"])


@pytest.fixture
def support_request(cooperative, manager, product):
    return support_request_file(
        cooperative=cooperative,
        by=manager,
        service="sanitary_approval",
        target_markets="France, Sénégal",
        quantities_and_timing="2 tonnes en mars",
        products=[product],
        attachments=[pdf("analyse.pdf")],
    )
