/* Text direction in the Wagtail admin (lms/admin_direction.py), in French and Arabic alike.
   The server gives the form fields it renders their direction; this completes what Wagtail
   builds in the browser:
   - the rich-text editor (Draftail) takes the direction of its hidden input;
   - StreamField block fields, and any other text field without a direction, edit right to
     left when meant for Arabic (a name ending in "_ar" or "_arabic") or when their form edits
     a page or snippet of a right-to-left locale (it holds a field marked
     data-locale-direction="rtl"), and say dir="auto" otherwise;
   - in wagtail-localize's translation editor, the boxes take the target language's direction. */
(function () {
  "use strict";

  var RIGHT_TO_LEFT = ["ar", "fa", "he", "ur"];
  var TEXT_FIELDS = 'textarea, input[type="text"], input:not([type])';

  function meantForArabic(name) {
    return /_ar(abic)?($|-)/.test(name || "");
  }

  function setDirection(element, dir, lang) {
    element.setAttribute("dir", dir);
    if (lang && !element.hasAttribute("lang")) {
      element.setAttribute("lang", lang);
    }
  }

  function translationEditorLocale(element) {
    var editor = element.closest(".js-translation-editor");
    if (!editor) {
      return null;
    }
    try {
      var code = JSON.parse(editor.getAttribute("data-props")).locale.code;
      return RIGHT_TO_LEFT.indexOf(code.split("-")[0]) === -1 ? null : code;
    } catch (error) {
      return null;
    }
  }

  /* {dir, lang} for a field the server did not mark. */
  function directionOf(field) {
    if (meantForArabic(field.getAttribute("name"))) {
      return { dir: "rtl", lang: "ar" };
    }
    var form = field.closest("form");
    var marked = form && form.querySelector('[data-locale-direction="rtl"]');
    if (marked) {
      return { dir: "rtl", lang: marked.getAttribute("lang") };
    }
    var code = translationEditorLocale(field);
    if (code) {
      return { dir: "rtl", lang: code };
    }
    return { dir: "auto", lang: null };
  }

  function directField(field) {
    if (field.hasAttribute("dir") || field.type === "hidden") {
      return;
    }
    var direction = directionOf(field);
    setDirection(field, direction.dir, direction.lang);
  }

  /* Draftail puts its editor in a wrapper next to the hidden input that holds its value. */
  function directRichText(wrapper) {
    var input = wrapper.parentNode && wrapper.parentNode.querySelector('input[type="hidden"]');
    if (!input || wrapper.hasAttribute("dir")) {
      return;
    }
    if (input.hasAttribute("dir")) {
      setDirection(wrapper, input.getAttribute("dir"), input.getAttribute("lang"));
    } else {
      var direction = directionOf(input);
      setDirection(wrapper, direction.dir, direction.lang);
    }
  }

  function apply() {
    document.querySelectorAll(TEXT_FIELDS).forEach(directField);
    document.querySelectorAll("[data-draftail-editor-wrapper]").forEach(directRichText);
  }

  var scheduled = false;

  function schedule() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      apply();
    });
  }

  function start() {
    apply();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
