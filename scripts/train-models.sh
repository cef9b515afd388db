#!/bin/sh
# scripts/train-models.sh -- retrain the tagger models compiled into dots:
# models/pos.model (CoNLL-2000 WSJ) and models/ner.model (GMB), from the
# shared corpora in ../shared/data (or $DOTS_SHARED/data), then rebuild so
# the new models are embedded, and print their test figures.
# Deterministic: the same data and seeds give the same model bytes.
# Takes about a minute on one core.
set -eu
cd "$(dirname "$0")/.."
DATA=${DOTS_SHARED:-../shared}/data
BUILD=${BUILD_DIR:-build}
DOTS=$BUILD/dots

[ -x "$DOTS" ] || { cmake -S . -B "$BUILD" >/dev/null && cmake --build "$BUILD" -j2 --target dots; }

# POS: greedy decoding (beam 1); the last tenth of train is the dev split.
# Word classes also use the GMB training words (unlabelled for this model).
"$DOTS" train pos --train "$DATA/pos/conll2000/train.tsv" -o models/pos.model \
    --epochs 10 --beam 1 --seed 1 --cluster-text "$DATA/ner/gmb/train.tsv"

# NER: beam 2 with early update (beam 4 measured no better, see docs/TAG.md);
# gazetteers are stored in the model.
"$DOTS" train ner --train "$DATA/ner/gmb/train.tsv" --dev "$DATA/ner/gmb/dev.tsv" \
    -o models/ner.model --epochs 10 --beam 2 --seed 1 \
    --gazetteers "$DATA/gazetteers" --cluster-text "$DATA/pos/conll2000/train.tsv"

cmake -S . -B "$BUILD" >/dev/null          # embed the new models
cmake --build "$BUILD" -j2
"$DOTS" eval pos "$DATA/pos/conll2000/test.tsv" | tail -1
"$DOTS" eval ner "$DATA/ner/gmb/test.tsv" | tail -1
