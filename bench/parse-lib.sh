# shellcheck shell=bash disable=SC2034  # $models_src and $work are the callers'
# Shared by bench/parse-eval.sh and bench/parse-bench.sh (sourced, not run).

# new_workdir NAME KEEP: $work, a temporary folder removed at exit; with
# KEEP=1 it stays (but for its copy of the models) and its path is printed.
new_workdir() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-$1.XXXXXX")
    if [ "$2" = 1 ]; then
        echo "$1: keeping output in $work" >&2
        trap 'rm -rf -- "$work/models"' EXIT
    else
        trap 'rm -rf -- "$work"' EXIT
    fi
}

# snapshot_models: measure a copy of $models, so that one run measures one
# set of models even if models/ is retrained meanwhile; $models_src keeps
# the folder it came from.
snapshot_models() {
    models_src=$models
    mkdir "$work/models"
    # every model: extract needs the entity models (*.ner.ngm) beside the parse ones
    cp -- "$models"/*.ngm "$work/models/"
    models=$work/models
}
