"""Demo content for `manage.py load_demo`: one module per part of the product.

Every loader is idempotent (get-or-create on natural keys), so running the
command twice changes nothing. Texts are written for this demo; facts follow
the 5 March 2020 signing (see shared/DESIGN.md, section 2).
"""
