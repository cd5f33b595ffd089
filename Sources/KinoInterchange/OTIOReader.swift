import Foundation
import KinoCore

/// Reads OpenTimelineIO JSON into an `ImportedTimeline`. Pure: it is handed the file's bytes
/// and its folder, resolves media paths against that folder (refusing relative paths that
/// climb out of it) and leaves checking the files to the caller.
public struct OTIOReader {
    /// Where the file is, for messages.
    public let fileName: String
    /// The folder relative media URLs are resolved against (absolute, no trailing slash).
    public let folder: String
    /// Most clips one import takes (Kino's shot limit).
    public static let maxClips = Limits.maxShots

    public init(fileName: String, folder: String) { self.fileName = fileName; self.folder = folder }

    public func read(_ data: Data) throws -> ImportedTimeline {
        let root = try JSONValue.parse(data, file: fileName)
        return try read(root)
    }

    public func read(_ root: JSONValue) throws -> ImportedTimeline {
        guard case .object = root else { throw InterchangeError.notOTIO(file: fileName, reason: "the top level is not an object") }
        let (kind, _) = try schema(of: root, what: "the top level")
        guard kind == "Timeline" else {
            throw InterchangeError.notOTIO(file: fileName, reason: "the top level is a \(kind), not a Timeline")
        }
        var report: [String] = []
        _ = try seconds(root["global_start_time"], label: "the timeline's start time")
        let record = try kinoRecord(root["metadata"]?["kino"])
        guard let stack = root["tracks"], case .object = stack else {
            throw InterchangeError.notOTIO(file: fileName, reason: "the timeline has no tracks")
        }
        let (stackKind, _) = try schema(of: stack, what: "the timeline's tracks")
        guard stackKind == "Stack" else { throw InterchangeError.notOTIO(file: fileName, reason: "tracks is a \(stackKind), not a Stack") }

        // The first video track with clips is the cut; any other video clip would overlap it.
        var videoTrack: JSONValue?
        for (n, track) in (stack["children"]?.array ?? []).enumerated() {
            let (k, _) = try schema(of: track, what: "track \(n + 1)")
            guard k == "Track" else {
                report.append("\(k) '\(track["name"]?.string ?? "")' at the top of the stack is not a track; skipped")
                continue
            }
            let name = track["name"]?.string ?? "track \(n + 1)"
            let children = track["children"]?.array ?? []
            for child in children { _ = try schema(of: child, what: "an item of track \(name)") }
            let clipCount = children.filter { (try? schema(of: $0, what: "").0) == "Clip" }.count
            if track["kind"]?.string == "Audio" {
                // Kino's own lanes come back from the timeline's record; others are listed.
                let kinoLane = track["metadata"]?["kino"]?["lane"] != nil && root["metadata"]?["kino"]?["audio"] != nil
                if clipCount > 0 && !kinoLane {
                    report.append("audio track \(name) (\(clipCount) clips) not imported; add its sound with 'kino audio add'")
                }
                continue
            }
            if videoTrack == nil {
                if clipCount > 0 { videoTrack = track }
            } else if clipCount > 0 {
                throw InterchangeError.overlap(file: fileName, item: "video track \(name)", detail: "track \(videoTrack?["name"]?.string ?? "V1")")
            }
        }
        guard let track = videoTrack else { throw InterchangeError.emptyTimeline(file: fileName) }
        let items = track["children"]?.array ?? []
        let clipCount = items.filter { (try? schema(of: $0, what: "").0) == "Clip" }.count
        guard clipCount <= Self.maxClips else {
            throw InterchangeError.tooManyClips(file: fileName, count: clipCount, limit: Self.maxClips)
        }

        let rate: FrameRate
        if let record { rate = record.settings.frameRate } else { rate = try firstRate(items) }

        // Walk the track: positions on the original timeline (track time) and on the closed-up one.
        var clips: [ImportedClip] = []
        clips.reserveCapacity(clipCount)
        var trackTime = Rational(0)        // seconds on the original track
        var removed: [(from: Rational, seconds: Rational)] = []
        var timelineFrame = 0
        var previousTransitionOut = Rational(0)
        for (n, item) in items.enumerated() {
            let (kind, _) = try schema(of: item, what: "item \(n + 1) of the video track")
            let label = itemLabel(item, kind: kind, index: n)
            switch kind {
            case "Clip":
                let range = try sourceRange(item, label: label)
                let seconds = range.duration
                if previousTransitionOut > seconds {
                    throw InterchangeError.overlap(file: fileName, item: label, detail: "the transition before it by more than its length")
                }
                let frames = try projectFrames(seconds, rate: rate, label: label, report: &report)
                guard frames >= 1 else {
                    throw InterchangeError.negativeRange(file: fileName, item: label, range: "of \(range.duration.doubleValue) s, under one frame")
                }
                for effect in item["effects"]?.array ?? [] {
                    let (ek, _) = try schema(of: effect, what: "an effect of \(label)")
                    report.append("\(label): effect '\(effect["effect_name"]?.string ?? effect["name"]?.string ?? ek)' (\(ek)) not applied; Kino does not model it")
                }
                var notes: [String] = []
                for m in item["markers"]?.array ?? [] {
                    _ = try schema(of: m, what: "a marker of \(label)")
                    let text = [m["name"]?.string ?? "", m["comment"]?.string ?? ""].filter { !$0.isEmpty }.joined(separator: ": ")
                    if !text.isEmpty { notes.append(text) }
                }
                let kino = item["metadata"]?["kino"]
                var shot: Shot?
                if let s = kino?["shot"] {
                    do { shot = try s.decoding(Shot.self) } catch {
                        throw InterchangeError.notOTIO(file: fileName, reason: "\(label) has a kino record that does not read as a shot")
                    }
                }
                clips.append(ImportedClip(name: item["name"]?.string ?? "", timelineStart: timelineFrame, duration: frames,
                                          sourceStart: range.start, media: try media(of: item, label: label),
                                          notes: notes, kinoShot: shot))
                timelineFrame += frames
                trackTime = trackTime + seconds
                previousTransitionOut = Rational(0)
            case "Gap":
                let range = try sourceRange(item, label: label)
                report.append("gap of \(String(format: "%.3f", range.duration.doubleValue)) s at \(String(format: "%.3f", trackTime.doubleValue)) s closed up")
                removed.append((trackTime, range.duration))
                trackTime = trackTime + range.duration
            case "Transition":
                let inOff = try seconds(item["in_offset"], label: label + " in offset")
                let outOff = try seconds(item["out_offset"], label: label + " out offset")
                if let last = clips.last, inOff > rate.time(ofFrame: last.duration) {
                    throw InterchangeError.overlap(file: fileName, item: label, detail: "the clip before it by more than its length")
                }
                previousTransitionOut = outOff
                report.append("\(label) (\(item["transition_type"]?.string ?? "transition")) at \(String(format: "%.3f", trackTime.doubleValue)) s not modelled; cut instead")
            default:
                let range = try? sourceRange(item, label: label)
                let secs = range?.duration ?? Rational(0)
                report.append("\(label) (\(kind), \(String(format: "%.3f", secs.doubleValue)) s) not imported; flatten nested items first")
                removed.append((trackTime, secs))
                trackTime = trackTime + secs
            }
        }
        if let next = items.last, (try? schema(of: next, what: "").0) == "Transition" {
            report.append("the transition at the end of the track has no clip after it")
        }

        // Track markers: scene starts (Kino's, or any foreign one) and Kino's project markers.
        func closedUpFrame(_ t: Rational) -> Int {
            var shift = Rational(0)
            for r in removed where r.from < t { shift = shift + min(r.seconds, t - r.from) }
            return rate.frames(seconds: (t - shift).doubleValue)
        }
        var sceneStarts: [ImportedSceneStart] = []
        var notes: [(Int, String)] = []
        for m in (track["markers"]?.array ?? []) + (stack["markers"]?.array ?? []) {
            _ = try schema(of: m, what: "a track marker")
            let name = m["name"]?.string ?? ""
            let range = try timeRange(m["marked_range"], label: "marker '\(name)'")
            let frame = closedUpFrame(range.start)
            let kino = m["metadata"]?["kino"]
            if kino?["kind"]?.string == "marker" {
                notes.append((frame, name))
            } else {
                sceneStarts.append(ImportedSceneStart(frame: frame, name: name, environment: m["comment"]?.string ?? "",
                                                      kinoSceneID: kino?["scene_id"]?.string.map { SceneID(raw: $0) }))
            }
        }
        for c in clips { for n in c.notes { notes.append((c.timelineStart, n)) } }
        sceneStarts.sort { $0.frame < $1.frame }
        return ImportedTimeline(name: root["name"]?.string ?? "", frameRate: rate, clips: clips, sceneStarts: sceneStarts,
                                notes: notes.map { (frame: $0.0, label: $0.1) }, kinoProject: record, report: report)
    }

    // MARK: - Pieces

    /// "Clip.2" → ("Clip", 2), refusing unknown schemas and newer versions.
    func schema(of value: JSONValue, what: String) throws -> (String, Int) {
        guard let text = value["OTIO_SCHEMA"]?.string else {
            throw InterchangeError.notOTIO(file: fileName, reason: "\(what) has no OTIO_SCHEMA")
        }
        guard let dot = text.lastIndex(of: "."), let version = Int(text[text.index(after: dot)...]) else {
            throw InterchangeError.unknownSchema(file: fileName, schema: text)
        }
        let name = String(text[..<dot])
        guard let known = OTIOWriter.schemaVersions[name] else { throw InterchangeError.unknownSchema(file: fileName, schema: text) }
        guard version <= known else { throw InterchangeError.newerSchema(file: fileName, schema: text, known: "\(name).\(known)") }
        return (name, version)
    }

    func itemLabel(_ item: JSONValue, kind: String, index: Int) -> String {
        let name = item["name"]?.string ?? ""
        return name.isEmpty ? "\(kind.lowercased()) \(index + 1)" : "\(kind.lowercased()) '\(name)'"
    }

    /// A RationalTime as exact seconds, refusing rates of 0, negative or not finite.
    func seconds(_ t: JSONValue?, label: String) throws -> Rational {
        guard let t, case .object = t else { return Rational(0) }
        _ = try schema(of: t, what: label)
        guard let rate = t["rate"]?.number, let value = t["value"]?.number else {
            throw InterchangeError.notOTIO(file: fileName, reason: "\(label) has no rate or value")
        }
        guard rate.isFinite, rate > 0, rate <= 1_000_000 else {
            throw InterchangeError.badRate(file: fileName, item: label, rate: JSONValue.format(rate))
        }
        guard value.isFinite, abs(value) < 1e12 else {
            throw InterchangeError.negativeRange(file: fileName, item: label, range: JSONValue.format(value))
        }
        let r = exactRate(rate)
        return Rational(exactValue(value).numerator * r.denominator, exactValue(value).denominator * r.numerator)
    }

    func timeRange(_ v: JSONValue?, label: String) throws -> (start: Rational, duration: Rational) {
        guard let v, case .object = v else { throw InterchangeError.notOTIO(file: fileName, reason: "\(label) has no range") }
        _ = try schema(of: v, what: label)
        let start = try seconds(v["start_time"], label: label)
        let duration = try seconds(v["duration"], label: label)
        guard start >= Rational(0), duration >= Rational(0) else {
            throw InterchangeError.negativeRange(file: fileName, item: label,
                                                 range: "\(JSONValue.format(start.doubleValue)) s + \(JSONValue.format(duration.doubleValue)) s")
        }
        return (start, duration)
    }

    /// The clip's source range, or its media's available range when it has none.
    func sourceRange(_ item: JSONValue, label: String) throws -> (start: Rational, duration: Rational) {
        if let r = item["source_range"], !r.isNull { return try timeRange(r, label: label) }
        if let m = activeMedia(item), let r = m["available_range"], !r.isNull { return try timeRange(r, label: label) }
        throw InterchangeError.notOTIO(file: fileName, reason: "\(label) has neither a source range nor media with a range")
    }

    func activeMedia(_ item: JSONValue) -> JSONValue? {
        if let refs = item["media_references"] {
            let key = item["active_media_reference_key"]?.string ?? "DEFAULT_MEDIA"
            return refs[key]
        }
        return item["media_reference"]
    }

    func firstRate(_ items: [JSONValue]) throws -> FrameRate {
        for item in items where (try? schema(of: item, what: "").0) == "Clip" {
            let r = item["source_range"]?["duration"]?["rate"]?.number ?? activeMedia(item)?["available_range"]?["duration"]?["rate"]?.number
            if let r {
                guard r.isFinite, r > 0 else {
                    throw InterchangeError.badRate(file: fileName, item: itemLabel(item, kind: "Clip", index: 0), rate: JSONValue.format(r))
                }
                do { return try FrameRate(exactRate(r)) } catch {
                    throw InterchangeError.badRate(file: fileName, item: itemLabel(item, kind: "Clip", index: 0), rate: JSONValue.format(r))
                }
            }
        }
        return .fps24
    }

    /// Seconds as project frames, rounding (and saying so) when the clip's rate does not divide.
    func projectFrames(_ seconds: Rational, rate: FrameRate, label: String, report: inout [String]) throws -> Int {
        let exact = seconds * rate.perSecond
        if exact.denominator == 1 { return Int(exact.numerator) }
        let frames = Int(exact.doubleValue.rounded())
        report.append("\(label): \(JSONValue.format(seconds.doubleValue)) s is not a whole number of frames at \(rate); rounded to \(frames)")
        return frames
    }

    func media(of item: JSONValue, label: String) throws -> ImportedMedia {
        guard let m = activeMedia(item), case .object = m else { return .missing }
        let (kind, _) = try schema(of: m, what: "the media of \(label)")
        switch kind {
        case "ExternalReference":
            guard let url = m["target_url"]?.string, !url.isEmpty else { return .missing }
            return .file(path: try resolve(url, label: label))
        case "ImageSequenceReference":
            let base = m["target_url_base"]?.string ?? ""
            let start = m["start_frame"]?.integer ?? 1
            let pad = Int(m["frame_zero_padding"]?.integer ?? 0)
            let digits = String(start)
            let name = (m["name_prefix"]?.string ?? "") + String(repeating: "0", count: max(0, pad - digits.count)) + digits
                + (m["name_suffix"]?.string ?? "")
            let joined = base.isEmpty || base.hasSuffix("/") ? base + name : base + "/" + name
            return .imageSequence(firstImage: try resolve(joined, label: label))
        default:
            return .missing
        }
    }

    /// A target URL as an absolute path: file:// URLs and plain paths; relative ones are
    /// taken from the timeline's folder and may not climb out of it.
    func resolve(_ url: String, label: String) throws -> String {
        var path = url
        if path.hasPrefix("file://") {
            path = String(path.dropFirst(7))
            if path.hasPrefix("localhost/") { path = String(path.dropFirst(9)) }
            guard path.hasPrefix("/") || !path.contains(":") else { throw InterchangeError.unsupportedURL(file: fileName, item: label, url: url) }
            path = path.removingPercentEncoding ?? path
        } else if let colon = path.firstIndex(of: ":"), path[..<colon].allSatisfy({ $0.isLetter }), path[..<colon].count > 1 {
            throw InterchangeError.unsupportedURL(file: fileName, item: label, url: url)
        }
        if path.hasPrefix("/") { return normalize(path) ?? path }
        guard let full = normalize(folder + "/" + path), full == folder || full.hasPrefix(folder + "/") else {
            throw InterchangeError.mediaEscapes(file: fileName, item: label, url: url)
        }
        return full
    }

    /// Removes "." and ".." components by text (no file system); nil when ".." climbs past "/".
    func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast(); continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    func kinoRecord(_ v: JSONValue?) throws -> KinoProjectRecord? {
        guard let v, case .object = v else { return nil }
        do {
            let rate = try FrameRate.parse(v["rate"]?.string ?? "")
            let size = try Resolution(width: Int(v["width"]?.integer ?? 0), height: Int(v["height"]?.integer ?? 0))
            return KinoProjectRecord(
                settings: ProjectSettings(name: v["name"]?.string ?? "", frameRate: rate, resolution: size),
                scenes: try v["scenes"]?.decoding([Scene].self) ?? [],
                characters: try v["characters"]?.decoding([Character].self) ?? [],
                lightingSetups: try v["lighting"]?.decoding([LightingSetup].self) ?? [],
                markers: try v["markers"]?.decoding([Marker].self) ?? [],
                audio: try v["audio"]?.decoding(AudioTimeline.self) ?? AudioTimeline(),
                nextIDNumber: Int(v["next_id"]?.integer ?? 1))
        } catch {
            throw InterchangeError.notOTIO(file: fileName, reason: "the timeline's kino record does not read (\(error.localizedDescription))")
        }
    }
}

/// The exact rate a double stands for: whole numbers, NTSC-style n/1001, else the nearest
/// fraction over 1000. OTIO stores rates as doubles; 23.976023976023978 reads back as 24000/1001.
public func exactRate(_ d: Double) -> Rational {
    if d == d.rounded(), d < 1e15 { return Rational(Int64(d)) }
    let ntsc = (d * 1001).rounded()
    if abs(ntsc / 1001 - d) <= 1e-12 * d { return Rational(Int64(ntsc), 1001) }
    return Rational(Int64((d * 1000).rounded()), 1000)
}

/// A frame value (usually whole) as an exact fraction over 1000 at worst.
func exactValue(_ d: Double) -> Rational {
    if d == d.rounded() { return Rational(Int64(d)) }
    return Rational(Int64((d * 1_000_000).rounded()), 1_000_000)
}
