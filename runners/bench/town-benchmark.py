#!/usr/bin/env python3
"""The job against the hardware floor, on generated towns of growing size.

For each size it generates a town (TownGenerator, fixed seed, cached under the work folder), then
runs, each in a JVM of its own and one after another:
  floor-1, floor-2   ParseFloor: read, parse with Jackson and hash every line, on 1 and 2 threads
  readme             the README's command as written: `java -jar gt-trainset.jar` with the town's
                     three folders and --output, nothing else (the DirectRunner, the jar's defaults;
                     the jar runs the job in a child JVM with its settings, see Relaunch)
  flink              the job on embedded Flink ([local]) with parallelism 2, in a 1 GB heap
and prints, per run, MB/s, sessions/s, wall seconds, peak RSS, peak and live heap (from -Xlog:gc),
the ratios to both floors, and the job's own split of its time: start-up (JVM, building the
pipeline), the pipeline, the report check and publishing, and beside them the CPU the JIT compilers
spent (-XX:+CITime, both JVMs') and the GC pauses. The benchmark adds only those two observers to a
command; the child JVM is given them too. The machine's noise can be large (the same command 43 to
68 s on a 150 MB town): --repeat N runs each command N times and reports the run of median wall time.
With more than one size it also runs a 1 MB town, to tell what any run costs (JVM, runner, JIT
warm-up) from what the data costs, and prints the growth of the cost per MB both ways. Everything
goes to bench.json as well.

  runners/bench/town-benchmark.py                         # 150 MB and 1 GB
  runners/bench/town-benchmark.py --sizes 150             # one size
  runners/bench/town-benchmark.py --single-session 200    # and one 200 MB session file
  runners/bench/town-benchmark.py --repeat 3              # the median of three runs of each

A run whose heap is limited (flink: -Xmx1g) proves by finishing that its heap stayed under it.
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
FLOOR_HEAP = '-Xmx2g'
GC_PAUSE = re.compile(r'(\d+)M->(\d+)M\((\d+)M\)')
GC_PAUSE_MS = re.compile(r'Pause.* (\d+\.\d+)ms$', re.MULTILINE)
PHASES = re.compile(r'\(pipeline ([0-9.]+) s, report check ([0-9.]+) s\)')
JIT = re.compile(r'Total compilation time\s*:\s*([0-9.]+) s')
OBSERVERS = ['-XX:+UnlockDiagnosticVMOptions', '-XX:+CITime']


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
    """From -Xlog:gc: the most heap in use before a collection, the most still live after one, and
    the seconds of all pauses."""
    peak, live, pauses = 0, 0, 0.0
    if os.path.exists(gc_log):
        with open(gc_log) as f:
            text = f.read()
        for match in GC_PAUSE.finditer(text):
            peak = max(peak, int(match.group(1)))
            live = max(live, int(match.group(2)))
        pauses = sum(float(ms) for ms in GC_PAUSE_MS.findall(text)) / 1000
    return peak, live, pauses


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


def job(town, output, gc_log, spec):
    return (['java'] + spec['jvm'] + OBSERVERS + [f'-Xlog:gc:file={gc_log}', '-jar', JAR,
             f'--sessions={town}/claude/projects', f'--town={town}/town', f'--gtHome={town}/gt',
             f'--output={output}'] + spec['flags'])


RUNS = {
    'readme': {'jvm': [], 'flags': []},
    'flink': {'jvm': ['-Xmx1g'], 'flags': ['--runner=FlinkRunner', '--flinkMaster=[local]', '--parallelism=2']},
}


def job_run(work, name, town, manifest, runner):
    """One run of the job on a town; fails loudly unless it read every line."""
    gc_log = os.path.join(work, name + '.gc.log')
    output = os.path.join(work, 'out-' + name)
    wall, rss, out = run(name, job(town, output, gc_log, RUNS[runner]), work)
    if not os.path.exists(os.path.join(output, '_SUCCESS')):
        sys.exit(f'benchmark: {name} wrote no _SUCCESS')
    with open(os.path.join(output, 'stats.json')) as f:
        stats = json.load(f)
    if stats['lines']['read'] != manifest['lines']:
        sys.exit(f'benchmark: {name} read {stats["lines"]["read"]:,} lines of the town\'s {manifest["lines"]:,}')
    peak, live, pauses = heap_mb(gc_log)
    phases = PHASES.search(out)
    if not phases:
        sys.exit(f'benchmark: {name} printed no split of its time; its log is in {work}')
    pipeline, check = float(phases.group(1)), float(phases.group(2))
    # With the job in a child JVM (Relaunch), both JVMs print their compile times.
    jit = sum(float(seconds) for seconds in JIT.findall(out))
    result = {'wall_seconds': wall, 'peak_rss_mb': rss, 'peak_heap_mb': peak, 'live_heap_mb': live,
              'startup_and_publish_seconds': wall - pipeline - check, 'pipeline_seconds': pipeline,
              'report_check_seconds': check, 'jit_seconds': jit, 'gc_pause_seconds': pauses,
              'lines_read': stats['lines']['read'], 'samples_written': stats['samples']['written']}
    shutil.rmtree(output)
    return result


def median(tries):
    """The run of median wall time, with every try's wall time beside it."""
    chosen = dict(sorted(tries, key=lambda t: t['wall_seconds'])[len(tries) // 2])
    chosen['wall_seconds_of_each_try'] = [t['wall_seconds'] for t in tries]
    return chosen


def bench_town(work, label, town, manifest, runs, repeat):
    results = {}
    megabytes = manifest['transcript_bytes'] / 1e6
    for threads in (1, 2):
        tries = []
        name = f'{label}-floor-{threads}'
        for _ in range(repeat):
            wall, rss, out = run(name, ['java', FLOOR_HEAP, '-cp', JAR, 'dev.gttrainset.bench.ParseFloor', str(threads),
                                        f'{town}/claude/projects'], work)
            floor = json.loads(out.strip().splitlines()[-1])
            tries.append({'wall_seconds': wall, 'peak_rss_mb': rss, 'inner_seconds': floor['seconds']})
        results[f'floor-{threads}'] = median(tries)
    for runner in runs:
        results[runner] = median([job_run(work, f'{label}-{runner}', town, manifest, runner) for _ in range(repeat)])
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
          f'{"vs floor-1":>10} {"vs floor-2":>10}  split')
    for name, r in town['runs'].items():
        heap, live = r.get('peak_heap_mb', ''), r.get('live_heap_mb', '')
        split = (f'start-up+publish {r["startup_and_publish_seconds"]:.1f} s, pipeline {r["pipeline_seconds"]:.1f} s, '
                 f'report check {r["report_check_seconds"]:.1f} s; JIT {r["jit_seconds"]:.1f} s, '
                 f'GC pauses {r["gc_pause_seconds"]:.1f} s' if 'pipeline_seconds' in r else '')
        if len(r['wall_seconds_of_each_try']) > 1:
            split += ' (tries ' + ' / '.join(f'{w:.1f}' for w in r['wall_seconds_of_each_try']) + ' s)'
        print(f'  {name:<9} {r["wall_seconds"]:>8.1f} {r["mb_per_second"]:>7.2f} {r["sessions_per_second"]:>7.1f} '
              f'{r["peak_rss_mb"]:>7.0f} {heap:>8} {live:>8} {r["ratio_to_floor_1"]:>9.0%} '
              f'{r["ratio_to_floor_2"]:>10.0%}  {split}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[150, 1000], help='town sizes in MB (default 150 1000)')
    parser.add_argument('--single-session', type=int, metavar='MB', help='also one session file of this size')
    parser.add_argument('--runs', nargs='+', default=list(RUNS), choices=list(RUNS))
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--repeat', type=int, default=1,
                        help='runs of each command; the one of median wall time is reported (default 1)')
    parser.add_argument('--work', default=os.path.join(ROOT, 'runners', 'bench', 'target'))
    parser.add_argument('--output', default=os.path.join(ROOT, 'runners', 'bench', 'target', 'bench.json'))
    args = parser.parse_args()

    if not os.path.exists(JAR):
        subprocess.run(['mvn', '-q', '-B', 'package', '-DskipTests'], cwd=ROOT, check=True)
    os.makedirs(args.work, exist_ok=True)
    report = {'jar': JAR, 'runs': RUNS, 'cores': os.cpu_count(), 'seed': args.seed, 'repeat': args.repeat, 'towns': {}}
    for megabytes in args.sizes:
        town, manifest = generate(args.work, megabytes, 0, args.seed)
        label = f'{megabytes}mb'
        report['towns'][label] = bench_town(args.work, label, town, manifest, args.runs, args.repeat)
        print_table(label, report['towns'][label])
    if len(args.sizes) > 1:
        # What a run costs whatever its size (JVM, runner, JIT warm-up), from a 1 MB town, so the
        # growth of the cost of the data itself shows beside the raw one.
        town, manifest = generate(args.work, 1, 0, args.seed)
        startup = bench_town(args.work, 'startup-1mb', town, manifest, args.runs, args.repeat)
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
        report['towns'][label] = bench_town(args.work, label, town, manifest, args.runs, args.repeat)
        print_table(label, report['towns'][label])
    with open(args.output, 'w') as f:
        json.dump(report, f, indent=2)
    print(f'\nbenchmark: wrote {os.path.abspath(args.output)}')


if __name__ == '__main__':
    main()
