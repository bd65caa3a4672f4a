#!/usr/bin/env python3
"""G9's profile by stage: shares of a JFR recording's CPU samples (and sampled allocation) of the classifier, by the
stage of TextClassifier they fall in (BENCHMARKS.md, "G9: where a post's time goes"). Record the JMH fork with
  java -Xms1g -Xmx4g -cp bench/target/weft-bench.jar org.openjdk.jmh.Main ClassifyBenchmarks.classify -f 1 -wi 3 -w 1 \
      -i 10 -r 1 -bm sample -tu us -jvmArgsAppend "-XX:FlightRecorderOptions:stackdepth=256 \
      -XX:StartFlightRecording:filename=rec.jfr,settings=profile,jdk.ExecutionSample#period=1ms"
then
  jfr print --json --events jdk.ExecutionSample rec.jfr > exec.json
  jfr print --json --events jdk.ObjectAllocationSample rec.jfr > alloc.json
  python3 bench/classify-profile-stages.py exec.json alloc.json
Samples of the benchmark's thread and of the common pool's workers (Lingua scores there) count."""
import json, sys, collections

# First match from the root of the stack down decides the stage (order = priority when nested).
STAGES = [
    ("LanguageDetector.candidates", "language (Lingua)"),
    ("ExampleIndex.stems", "examples: analysing the text again"),
    ("ExampleIndex.nearest", "examples: BM25 look-up"),
    ("ExampleCheck.check", "examples: vote and additions"),
    ("TextClassifier.otherLanguageHits", "concept words, other languages"),
    ("TextAnalysis.tokens", "analysis (Lucene chain)"),
    ("ConceptLexicon.find", "concept words"),
    ("Negations.scope", "negations (cue phrases)"),
    ("PurposeDetector.phrasesIn", "purpose phrases"),
    ("PurposeDetector.cueWeight", "purpose phrases"),
    ("PurposeDetector.phrasesFound", "purpose phrases"),
    ("PurposeDetector.purposePhrases", "purpose phrases"),
    ("PurposeDetector.detect", "purpose phrases"),
    ("PostStructure.of", "sentences (ICU) and units"),
    ("KindDetector", "kind phrases"),
    ("ConceptRanker.rank", "ranking"),
    ("Governance.of", "governance"),
    ("TextClassifier.hashtags", "hashtags (regex)"),
    ("TextClassifier.explain", "explain: the rest"),
    ("TextClassifier.classifyWithReadings", "classifyWithReadings: the rest"),
]

# When JFR's stack is cut short of the classifier's frames, the library it was in names the stage.
PACKAGES = [
    ("com/github/pemistahl/lingua", "language (Lingua)"),
    ("com/ibm/icu", "sentences (ICU) and units"),
    ("org/apache/lucene/search", "examples: BM25 look-up"),
    ("org/apache/lucene/index", "examples: BM25 look-up"),
    ("org/apache/lucene/codecs", "examples: BM25 look-up"),
    ("org/apache/lucene/analysis", "analysis (Lucene chain)"),
    ("morfologik", "analysis (Lucene chain)"),
]

def stage(frames, thread):
    names = [f["method"]["type"]["name"].replace("/", ".").rsplit(".", 1)[-1].split("$")[0] + "." + f["method"]["name"] for f in frames]
    names.reverse()  # root first
    types = [f["method"]["type"]["name"] for f in reversed(frames)]
    if "jmh-worker" not in thread and "commonPool" not in thread:
        return None
    for key, label in STAGES:
        for n in names:
            if n.startswith(key):
                return label
    for key, label in PACKAGES:
        for t in types:
            if t.startswith(key):
                return label
    if "commonPool" in thread:
        return None
    return "other: " + names[-1]

def load(path, weight_field=None):
    data = json.load(open(path))
    counts = collections.Counter()
    total = 0
    for e in data["recording"]["events"]:
        st = e["values"].get("stackTrace")
        if not st:
            continue
        t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
        s = stage(st["frames"], t.get("javaName") or "")
        if s is None:
            continue
        w = e["values"][weight_field] if weight_field else 1
        counts[s] += w
        total += w
    return counts, total

c, t = load(sys.argv[1])
print(f"CPU samples of the classifier: {t}")
other = sum(v for k, v in c.items() if k.startswith("other: "))
for k, v in c.most_common():
    if not k.startswith("other: "):
        print(f"  {k:45s} {v:6d}  {100*v/t:5.1f} %")
print(f"  {'other (JMH loop, JDK, unattributed)':45s} {other:6d}  {100*other/t:5.1f} %")
for k, v in c.most_common():
    if k.startswith("other: ") and v > t / 100:
        print(f"      {k:41s} {v:6d}")
if len(sys.argv) > 2:
    c, t = load(sys.argv[2], "weight")
    print(f"allocation (sampled weight) of the classifier: {t/1e6:.0f} MB")
    for k, v in c.most_common():
        if v > t / 100:
            print(f"  {k:45s} {v/1e6:8.1f} MB  {100*v/t:5.1f} %")
