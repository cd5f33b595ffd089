import Foundation

// kino-bench: the benchmarks of Kino, run in a release build:
//   swift run -c release kino-bench [all|edits|engine|demo|stills FOLDER|generation|media|terminal|editor|sync|open|interchange|sound]
// Each prints a table. Tests never assert on time; these figures go into the issue notes.
let which = CommandLine.arguments.dropFirst().first ?? "all"
let benches: [(String, () throws -> String)] = [
    ("edits", EditBenchmark.run),
    ("engine", EngineFigures.run),
    ("demo", DemoShotBenchmark.run),
    ("stills", DemoShotBenchmark.stills),
    ("generation", GenerationBenchmark.run),
    ("media", MediaFigures.run),
    ("terminal", TerminalFigures.run),
    ("editor", EditorFigures.run),
    ("sync", SyncBenchmark.run),
    ("open", OpenBenchmark.run),
    ("interchange", InterchangeBenchmark.run),
    ("sound", SoundBenchmark.run),
]
var ran = false
// `stills FOLDER` writes the demo's frames for Docs/Engine.md; it is not a benchmark, so `all` skips it.
for (name, run) in benches where (which == "all" && name != "stills") || which == name {
    ran = true
    do { print(try run()) } catch { print("\(name): failed: \(error)") }
    print("")
}
if !ran { print("usage: kino-bench [all|" + benches.map(\.0).joined(separator: "|") + "]") }
