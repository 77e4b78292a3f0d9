"""The map step of docs/scale.md on a real engine: a Dask distributed local cluster with 2
workers reads a JSONL export in partitions of whole lines, pipes each through the aslint
streaming filter, and writes one shard report per partition (the reduce step, `aslint report
merge`, is run by the caller).

usage: dask_map_step.py EXPORT.jsonl OUT_DIR BLOCKSIZE -- ASLINT_COMMAND...
"""
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster


def main() -> None:
    export, out_dir, blocksize = sys.argv[1], sys.argv[2], int(sys.argv[3])
    aslint = sys.argv[sys.argv.index("--") + 1 :]

    def lint_partition(lines):
        # Conversations in, findings out: aslint exits 1 when it finds errors, 2 on bad input.
        done = subprocess.run(aslint, input="".join(lines), capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"aslint exited {done.returncode}: {done.stderr}")
        return done.stdout.splitlines(keepends=True)

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        bag = db.read_text(export, blocksize=blocksize)
        shards = bag.map_partitions(lint_partition).to_textfiles(
            f"{out_dir}/shard-*.jsonl", name_function=lambda i: f"{i:05d}", last_endline=False
        )
        print(len(shards), bag.npartitions)


if __name__ == "__main__":
    main()
