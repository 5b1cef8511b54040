#!/usr/bin/env python3
"""The job against the hardware floor, on generated towns of growing size.

For each size it generates a town (TownGenerator, fixed seed, cached under the work folder), then
runs, each in a JVM of its own and one after another:
  floor-1, floor-2   ParseFloor: read, parse with Jackson and hash every line, on 1 and 2 threads
  direct             the job on the DirectRunner (immutability and encodability checks off)
  flink              the job on embedded Flink ([local]) with parallelism 2
and prints, per run, MB/s, sessions/s, wall seconds, peak RSS, peak and live heap (from -Xlog:gc),
the ratios to both floors, and the job's own split of its time (pipeline, leak gate). With more
than one size it also runs a 1 MB town, to tell what any run costs (JVM, runner, JIT warm-up) from
what the data costs, and prints the growth of the cost per MB both ways. Everything goes to
bench.json as well.

  runners/bench/town-benchmark.py                   # 100 MB
  runners/bench/town-benchmark.py --sizes 100 1000  # and 1 GB: cost growth per MB
  runners/bench/town-benchmark.py --single-session 200  # one 200 MB session file

Every job runs with -Xmx2g, so a finished run proves its heap stayed under 2 GB.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
JAR = os.path.join(ROOT, 'runners', 'target', 'gt-trainset.jar')
HEAP = '-Xmx2g'
GC_PAUSE = re.compile(r'(\d+)M->(\d+)M\((\d+)M\)')
PHASES = re.compile(r'\(pipeline ([0-9.]+) s, leak gate ([0-9.]+) s\)')


def run(name, command, log_dir):
    """Runs a command; returns wall seconds, peak RSS in MB and its stdout. Fails loudly."""
    log = os.path.join(log_dir, name + '.log')
    start = time.monotonic()
    with open(log, 'w') as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    with open(log) as f:
        text = f.read()
    if code != 0:
        sys.exit(f'benchmark: {name} exited {code}; its log, {log}:\n{text[-4000:]}')
    return wall, usage.ru_maxrss / 1024.0, text


def heap_mb(gc_log):
    """From -Xlog:gc: the most heap in use before a collection, and the most still live after one."""
    peak, live = 0, 0
    if os.path.exists(gc_log):
        with open(gc_log) as f:
            for match in GC_PAUSE.finditer(f.read()):
                peak = max(peak, int(match.group(1)))
                live = max(live, int(match.group(2)))
    return peak, live


def generate(work, megabytes, sessions, seed):
    name = f'town-{megabytes}mb' + (f'-{sessions}s' if sessions else '') + f'-seed{seed}'
    town = os.path.join(work, name)
    manifest = os.path.join(town, 'town.json')
    # A town made by an older jar may not be what this jar's generator makes.
    if not os.path.exists(manifest) or os.path.getmtime(manifest) < os.path.getmtime(JAR):
        shutil.rmtree(town, ignore_errors=True)
        command = ['java', '-cp', JAR, 'dev.gttrainset.testdata.TownGenerator', f'--out={town}',
                   f'--megabytes={megabytes}', f'--seed={seed}']
        if sessions:
            command.append(f'--sessions={sessions}')
        wall, _, _ = run('generate-' + name, command, work)
        print(f'benchmark: generated {name} in {wall:.1f} s', flush=True)
    with open(manifest) as f:
        return town, json.load(f)


def job(town, output, gc_log, runner_flags):
    return (['java', HEAP, f'-Xlog:gc:file={gc_log}', '-jar', JAR,
             f'--sessions={town}/claude/projects', f'--town={town}/town', f'--gtHome={town}/gt',
             f'--output={output}'] + runner_flags)


RUNS = {
    'direct': ['--runner=DirectRunner', '--enforceImmutability=false', '--enforceEncodability=false',
               '--targetParallelism=2'],
    'flink': ['--runner=FlinkRunner', '--flinkMaster=[local]', '--parallelism=2'],
}


def bench_town(work, label, town, manifest, runs):
    results = {}
    megabytes = manifest['transcript_bytes'] / 1e6
    for threads in (1, 2):
        name = f'{label}-floor-{threads}'
        wall, rss, out = run(name, ['java', HEAP, '-cp', JAR, 'dev.gttrainset.bench.ParseFloor', str(threads),
                                    f'{town}/claude/projects'], work)
        floor = json.loads(out.strip().splitlines()[-1])
        results[f'floor-{threads}'] = {'wall_seconds': wall, 'peak_rss_mb': rss, 'inner_seconds': floor['seconds']}
    for runner in runs:
        name = f'{label}-{runner}'
        gc_log = os.path.join(work, name + '.gc.log')
        output = os.path.join(work, 'out-' + name)
        wall, rss, out = run(name, job(town, output, gc_log, RUNS[runner]), work)
        if not os.path.exists(os.path.join(output, '_SUCCESS')):
            sys.exit(f'benchmark: {name} wrote no _SUCCESS')
        with open(os.path.join(output, 'stats.json')) as f:
            stats = json.load(f)
        if stats['lines']['read'] != manifest['lines']:
            sys.exit(f'benchmark: {name} read {stats["lines"]["read"]:,} lines of the town\'s {manifest["lines"]:,}')
        peak, live = heap_mb(gc_log)
        phases = PHASES.search(out)
        results[runner] = {'wall_seconds': wall, 'peak_rss_mb': rss, 'peak_heap_mb': peak, 'live_heap_mb': live,
                           'pipeline_seconds': float(phases.group(1)), 'leak_gate_seconds': float(phases.group(2)),
                           'lines_read': stats['lines']['read'], 'samples_written': stats['samples']['written']}
        shutil.rmtree(output)
    floor1 = megabytes / results['floor-1']['wall_seconds']
    floor2 = megabytes / results['floor-2']['wall_seconds']
    for result in results.values():
        result['mb_per_second'] = megabytes / result['wall_seconds']
        result['sessions_per_second'] = manifest['sessions'] / result['wall_seconds']
        result['ratio_to_floor_1'] = result['mb_per_second'] / floor1
        result['ratio_to_floor_2'] = result['mb_per_second'] / floor2
        result['seconds_per_mb'] = result['wall_seconds'] / megabytes
    return {'megabytes': megabytes, 'sessions': manifest['sessions'], 'lines': manifest['lines'], 'runs': results}


def print_table(label, town):
    print(f'\n{label}: {town["megabytes"]:.0f} MB, {town["sessions"]:,} sessions, {town["lines"]:,} lines')
    print(f'  {"run":<9} {"wall s":>8} {"MB/s":>7} {"sess/s":>7} {"RSS MB":>7} {"heap MB":>8} {"live MB":>8} '
          f'{"vs floor-1":>10} {"vs floor-2":>10}  phases')
    for name, r in town['runs'].items():
        heap, live = r.get('peak_heap_mb', ''), r.get('live_heap_mb', '')
        phases = (f'pipeline {r["pipeline_seconds"]:.1f} s, leak gate {r["leak_gate_seconds"]:.1f} s'
                  if 'pipeline_seconds' in r else '')
        print(f'  {name:<9} {r["wall_seconds"]:>8.1f} {r["mb_per_second"]:>7.2f} {r["sessions_per_second"]:>7.1f} '
              f'{r["peak_rss_mb"]:>7.0f} {heap:>8} {live:>8} {r["ratio_to_floor_1"]:>9.0%} '
              f'{r["ratio_to_floor_2"]:>10.0%}  {phases}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[100], help='town sizes in MB (default 100)')
    parser.add_argument('--single-session', type=int, metavar='MB', help='also one session file of this size')
    parser.add_argument('--runs', nargs='+', default=list(RUNS), choices=list(RUNS))
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--work', default=os.path.join(ROOT, 'runners', 'bench', 'target'))
    parser.add_argument('--output', default=os.path.join(ROOT, 'runners', 'bench', 'target', 'bench.json'))
    args = parser.parse_args()

    if not os.path.exists(JAR):
        subprocess.run(['mvn', '-q', '-B', 'package', '-DskipTests'], cwd=ROOT, check=True)
    os.makedirs(args.work, exist_ok=True)
    report = {'jar': JAR, 'heap_limit': HEAP, 'cores': os.cpu_count(), 'seed': args.seed, 'towns': {}}
    for megabytes in args.sizes:
        town, manifest = generate(args.work, megabytes, 0, args.seed)
        label = f'{megabytes}mb'
        report['towns'][label] = bench_town(args.work, label, town, manifest, args.runs)
        print_table(label, report['towns'][label])
    if len(args.sizes) > 1:
        # What a run costs whatever its size (JVM, runner, JIT warm-up), from a 1 MB town, so the
        # growth of the cost of the data itself shows beside the raw one.
        town, manifest = generate(args.work, 1, 0, args.seed)
        startup = bench_town(args.work, 'startup-1mb', town, manifest, args.runs)
        report['towns']['startup-1mb'] = startup
        print_table('startup-1mb', startup)
        small, big = (report['towns'][f'{m}mb'] for m in (min(args.sizes), max(args.sizes)))
        growth = {}
        for runner in args.runs:
            fixed = startup['runs'][runner]['wall_seconds']
            net = [(t['runs'][runner]['wall_seconds'] - fixed) / t['megabytes'] for t in (small, big)]
            if net[0] <= 0:
                sys.exit(f'benchmark: the {min(args.sizes)} MB town took no longer than the 1 MB one on {runner}; '
                         'compare bigger towns')
            growth[runner] = {
                'raw': big['runs'][runner]['seconds_per_mb'] / small['runs'][runner]['seconds_per_mb'],
                'startup_excluded': net[1] / net[0],
                'startup_seconds': fixed,
                'seconds_per_mb_startup_excluded': {'smallest': net[0], 'largest': net[1]}}
        report['cost_growth_per_mb'] = growth
        print(f'\ncost per MB, {max(args.sizes)} MB town over {min(args.sizes)} MB town:')
        for runner, g in growth.items():
            print(f'  {runner:<7} {g["raw"]:.2f}x as measured, {g["startup_excluded"]:.2f}x without the '
                  f'{g["startup_seconds"]:.1f} s a 1 MB town takes')
    if args.single_session:
        town, manifest = generate(args.work, args.single_session, 1, args.seed)
        label = f'single-{args.single_session}mb'
        report['towns'][label] = bench_town(args.work, label, town, manifest, args.runs)
        print_table(label, report['towns'][label])
    with open(args.output, 'w') as f:
        json.dump(report, f, indent=2)
    print(f'\nbenchmark: wrote {os.path.abspath(args.output)}')


if __name__ == '__main__':
    main()
