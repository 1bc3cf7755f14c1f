"""The public home page serves after the demo load."""

import pytest


@pytest.mark.django_db
def test_home_page_serves(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Tạp chí Cộng sản" in response.content.decode()


@pytest.mark.django_db
def test_unknown_url_gets_vietnamese_404(demo, client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
