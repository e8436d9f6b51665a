"""What the browser journeys do again and again: check the language, fill a labelled field,
submit a form."""

from __future__ import annotations

DIRECTIONS = {"fr": "ltr", "ar": "rtl"}


def assert_language(tab, language: str) -> None:
    html = tab.page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == DIRECTIONS[language]


def fill_labelled(page, name: str, value: str) -> None:
    """Fill the field called `name` through its accessible label (fails if unlabelled)."""
    field = page.locator(f'form [name="{name}"]')
    field_id = field.get_attribute("id")
    assert field_id, f"field {name} has no id for a label to point at"
    label = page.locator(f'label[for="{field_id}"]').inner_text().strip()
    assert label, f"field {name} has no label"
    labelled = page.get_by_label(label, exact=True)
    assert labelled.get_attribute("name") == name
    if labelled.evaluate("el => el.tagName") == "SELECT":
        labelled.select_option(value)
    else:
        labelled.fill(value)


def submit(page, action_part: str) -> None:
    """Press the submit button of the form whose action contains `action_part`."""
    with page.expect_navigation() as navigation:
        page.locator(f'form[action*="{action_part}"] button[type="submit"]').first.click()
    response = navigation.value
    assert response is not None and response.ok, f"POST {action_part}: {response.status}"
