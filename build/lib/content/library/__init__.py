"""The handbook library: handbooks (works) with editions, search, access rules and counters.

Rules in plain words:
- A handbook page is one work in one language; its translations (Wagtail i18n, same
  translation_key) are the same work in the other language.
- Exactly one edition of a handbook is current; the others stay downloadable, marked superseded.
- Access: "public" handbooks are for everyone, "learners" for any signed-in person, "staff" for
  trainers, administrators and Wagtail staff. A person who may not download a handbook does not
  see it in listings or search either (search excerpts come from the file text).
- A document used by a handbook edition is served only through `serve_edition`, whichever
  URL is used (the library download URL or Wagtail's /documents/ URL), always as an attachment,
  and each download adds one to the counter of (edition, organisation of the downloader).
- Text inside the files is extracted once per file content (keyed by the file hash) by a
  background task, then kept as written and as a folded, stemmed shadow
  (lms.text.search_shadow_text) in the handbook's search entry (content/search.py).
"""
