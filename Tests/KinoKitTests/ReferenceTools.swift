import Foundation

/// The repository's root, from this file's place in it.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs a program and returns its status, stdout and stderr.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    // stderr goes to a file, so a chatty child never blocks on a full pipe while stdout is read.
    let errPath = NSTemporaryDirectory() + "kino-run-\(UUID().uuidString).err"
    FileManager.default.createFile(atPath: errPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errPath) }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle(forWritingAtPath: errPath)
    try p.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let errData = FileManager.default.contents(atPath: errPath) ?? Data()
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The Python of the OpenTimelineIO reference environment, created (or found up to date) by
/// .ci/venv: opentimelineio 0.18.1 with the cmx_3600, fcpx_xml and kdenlive adapters.
let referencePython: String = {
    let r = try! run("/bin/bash", [packageRoot + "/.ci/venv"])
    precondition(r.status == 0, "could not create the OpenTimelineIO environment: \(r.err)")
    return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
}()

/// Reads `file` with OpenTimelineIO (adapter chosen by its extension) and returns, as JSON,
/// every clip's name, source range (values, and rates as Python's exact repr of the double), media URL and Kino
/// metadata, and the markers of the video track.
func readWithOpenTimelineIO(_ file: String, rate: Double? = nil) throws -> [String: Any] {
    let script = """
    import json, sys, opentimelineio as otio
    t = otio.adapters.read_from_file(sys.argv[1], **({"rate": float(sys.argv[2])} if len(sys.argv) > 2 else {}))
    def first_timeline(o):
        if isinstance(o, otio.schema.Timeline): return o
        for c in o:
            found = first_timeline(c) if isinstance(c, (otio.schema.Timeline, otio.schema.SerializableCollection)) else None
            if found: return found
    t = first_timeline(t)
    def rt(r): return {"start": r.start_time.value, "duration": r.duration.value, "rate": repr(r.start_time.rate), "drate": repr(r.duration.rate)}
    clips = []
    for c in t.find_clips():
        m = c.media_reference
        url = getattr(m, "target_url", None) or getattr(m, "target_url_base", None)
        clips.append({"name": c.name, "range": rt(c.source_range), "media": type(m).__name__, "url": url,
                      "kino": dict(c.metadata.get("kino", {})) if "kino" in c.metadata else None,
                      "rate_is_exact_24000_1001": c.source_range.duration.rate == 24000 / 1001})
    tracks = [tr for tr in t.tracks if tr.kind == "Video"]
    markers = [{"name": m.name, "frame": m.marked_range.start_time.value, "rate": m.marked_range.start_time.rate}
               for tr in tracks for m in tr.markers] + [{"name": m.name, "frame": m.marked_range.start_time.value,
               "rate": m.marked_range.start_time.rate} for m in t.tracks.markers]
    print(json.dumps({"name": t.name, "clips": clips, "markers": markers, "video_tracks": len(tracks)}, default=str))
    """
    let r = try run(referencePython, ["-c", script, file] + (rate.map { [JSONNumber($0)] } ?? []))
    guard r.status == 0 else { throw ReferenceFailure(message: r.err) }
    let line = r.out.split(separator: "\n").last.map(String.init) ?? ""
    return try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
}

struct ReferenceFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

/// A Double as Python reads it back exactly.
func JSONNumber(_ d: Double) -> String { "\(d)" }
