import Foundation
import KinoCore

/// Writes a cut as OpenTimelineIO JSON (the otio_json adapter's layout, schema versions of
/// OTIO 0.18): one video track of clips, scene and project markers on the track, and Kino's
/// record under the `kino` metadata key of the timeline (project, scenes, characters,
/// lighting) and of every clip (shot, take, engine, seed, prompt, input hash).
///
/// Rates are written as the double nearest the exact rate (24000/1001 → 23.976023976023978,
/// which is what OTIO itself computes); the exact fraction is in `kino.project.rate`.
public enum OTIOWriter {
    /// The schema versions written; the reader refuses newer ones.
    public static let schemaVersions: [String: Int] = [
        "Timeline": 1, "Stack": 1, "Track": 1, "Clip": 2, "Gap": 1, "Transition": 1, "Marker": 2,
        "RationalTime": 1, "TimeRange": 1, "ExternalReference": 1, "MissingReference": 1,
        "ImageSequenceReference": 1, "GeneratorReference": 1, "Effect": 1, "LinearTimeWarp": 1,
        "FreezeFrame": 1, "TimeEffect": 1, "SerializableCollection": 1,
    ]

    /// The version of the `kino` metadata record.
    public static let kinoMetadataVersion = 1

    public static func json(_ cut: Cut) throws -> JSONValue {
        let rate = cut.rate
        let p = cut.project
        var trackMarkers: [JSONValue] = cut.sceneRuns.map { run in
            marker(name: run.scene.name, color: "BLUE", frame: run.start, rate: rate, comment: run.scene.environment,
                   kino: [("kind", .string("scene")), ("scene_id", .string(run.scene.id.raw))])
        }
        trackMarkers += p.markers.map { m in
            marker(name: m.label, color: "GREEN", frame: m.frame, rate: rate, comment: "",
                   kino: [("kind", .string("marker")), ("marker_id", .string(m.id.raw))])
        }
        var clips: [JSONValue] = []
        clips.reserveCapacity(cut.clips.count)
        for c in cut.clips { clips.append(try clip(c, rate: rate)) }
        let projectRecord: JSONValue = .object([
            ("version", .int(Int64(kinoMetadataVersion))),
            ("name", .string(p.settings.name)),
            ("rate", .string(rate.perSecond.description)),
            ("width", .int(Int64(p.settings.resolution.width))),
            ("height", .int(Int64(p.settings.resolution.height))),
            ("next_id", .int(Int64(p.nextIDNumber))),
            ("scenes", try .encoding(p.scenes)),
            ("characters", try .encoding(p.characters)),
            ("lighting", try .encoding(p.lightingSetups)),
            ("markers", try .encoding(p.markers)),
            ("audio", try .encoding(p.audio)),
        ])
        let track: JSONValue = .object([
            ("OTIO_SCHEMA", "Track.1"), ("metadata", .object([])), ("name", "V1"), ("source_range", .null),
            ("effects", .array([])), ("markers", .array(trackMarkers)), ("enabled", .bool(true)), ("color", .null),
            ("children", .array(clips)), ("kind", "Video"),
        ])
        return .object([
            ("OTIO_SCHEMA", "Timeline.1"),
            ("metadata", .object([("kino", projectRecord)])),
            ("name", .string(p.settings.name)),
            ("global_start_time", time(0, rate)),
            ("tracks", .object([
                ("OTIO_SCHEMA", "Stack.1"), ("metadata", .object([])), ("name", "tracks"), ("source_range", .null),
                ("effects", .array([])), ("markers", .array([])), ("enabled", .bool(true)), ("color", .null),
                ("children", .array([track] + (try audioTracks(p)))),
            ])),
        ])
    }

    /// One audio track per lane that has clips (voice, music, effects), at 48 kHz: gaps place
    /// each clip at its timeline frame, the source range is its in/out in samples.
    static func audioTracks(_ p: Project) throws -> [JSONValue] {
        let sampleRate = Double(AudioClock.sampleRate)
        var tracks: [JSONValue] = []
        for (n, lane) in AudioLaneKind.allCases.enumerated() where !p.audio.clips(in: lane).isEmpty {
            var children: [JSONValue] = []
            var at = 0
            for clip in p.audio.clips(in: lane).sorted(by: { $0.start < $1.start }) {
                let start = AudioClock.sample(atFrame: clip.start, rate: p.frameRate)
                if start > at {
                    children.append(.object([
                        ("OTIO_SCHEMA", "Gap.1"), ("metadata", .object([])), ("name", ""),
                        ("source_range", range(0, start - at, sampleRate)), ("effects", .array([])),
                        ("markers", .array([])), ("enabled", .bool(true)), ("color", .null),
                    ]))
                }
                let media: JSONValue
                switch clip.source {
                case .file(let ref):
                    media = .object([
                        ("OTIO_SCHEMA", "ExternalReference.1"), ("metadata", .object([])), ("name", .string(fileName(ref.path))),
                        ("available_range", range(0, clip.sourceSamples, sampleRate)), ("available_image_bounds", .null),
                        ("target_url", .string(fileURL(ref.path))),
                    ])
                case .voice(let line):
                    media = missingReference("spoken by Kino (espeak-ng voice \(line.voice)): \(line.text)")
                case .musicBed(let seed):
                    media = missingReference("Kino's music bed, seed \(seed)")
                }
                children.append(.object([
                    ("OTIO_SCHEMA", "Clip.2"),
                    ("metadata", .object([("kino", .object([("audio_clip_id", .string(clip.id.raw)), ("lane", .string(lane.rawValue)),
                                                            ("gain_db", .double(clip.gainDB))]))])),
                    ("name", .string(clip.title)),
                    ("source_range", range(clip.inSample, clip.length, sampleRate)),
                    ("effects", .array([])), ("markers", .array([])), ("enabled", .bool(true)), ("color", .null),
                    ("media_references", .object([("DEFAULT_MEDIA", media)])),
                    ("active_media_reference_key", "DEFAULT_MEDIA"),
                ]))
                at = max(at, start + clip.length)
            }
            tracks.append(.object([
                ("OTIO_SCHEMA", "Track.1"), ("metadata", .object([("kino", .object([("lane", .string(lane.rawValue))]))])),
                ("name", .string("A\(n + 1) \(lane.rawValue)")), ("source_range", .null), ("effects", .array([])),
                ("markers", .array([])), ("enabled", .bool(true)), ("color", .null), ("children", .array(children)), ("kind", "Audio"),
            ]))
        }
        return tracks
    }

    /// A file path as a file:// URL (spaces and other reserved characters percent-encoded).
    public static func fileURL(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
    }

    /// The .otio text of a cut.
    public static func write(_ cut: Cut) throws -> String { try json(cut).serialized() }

    static func clip(_ c: CutClip, rate: FrameRate) throws -> JSONValue {
        let shot = c.shot
        let kino: JSONValue = .object([
            ("shot_id", .string(shot.id.raw)),
            ("scene_id", .string(shot.sceneID.raw)),
            ("name", .string(shot.name)),
            ("prompt", .string(shot.prompt)),
            // A string: a 64-bit seed does not survive a JSON number in every reader.
            ("seed", .string(String(shot.seed))),
            ("take_id", c.take.map { .string($0.id.raw) } ?? .null),
            ("engine", c.take.map { .string($0.engine) } ?? .null),
            ("input_hash", c.take.map { .string($0.inputHash) } ?? .null),
            ("timeline_start", .int(Int64(c.start))),
            ("shot", try .encoding(shot)),
        ])
        return .object([
            ("OTIO_SCHEMA", "Clip.2"),
            ("metadata", .object([("kino", kino)])),
            ("name", .string(shot.title)),
            ("source_range", range(0, shot.duration, rate)),
            ("effects", .array([])),
            ("markers", .array([])),
            ("enabled", .bool(true)),
            ("color", .null),
            ("media_references", .object([("DEFAULT_MEDIA", media(c.media, duration: shot.duration, rate: rate))])),
            ("active_media_reference_key", "DEFAULT_MEDIA"),
        ])
    }

    static func media(_ m: ClipMedia, duration: Int, rate: FrameRate) -> JSONValue {
        switch m {
        case .movie(let url, let frames):
            return .object([
                ("OTIO_SCHEMA", "ExternalReference.1"), ("metadata", .object([])), ("name", .string(fileName(url))),
                ("available_range", range(0, frames, rate)), ("available_image_bounds", .null), ("target_url", .string(url)),
            ])
        case .imageSequence(let base, let prefix, let suffix, let start, let padding, let frames):
            return .object([
                ("OTIO_SCHEMA", "ImageSequenceReference.1"), ("metadata", .object([])), ("name", .string(fileName(base))),
                ("available_range", range(0, frames, rate)), ("available_image_bounds", .null),
                ("target_url_base", .string(base)), ("name_prefix", .string(prefix)), ("name_suffix", .string(suffix)),
                ("start_frame", .int(Int64(start))), ("frame_step", .int(1)), ("rate", .double(rate.doubleValue)),
                ("frame_zero_padding", .int(Int64(padding))), ("missing_frame_policy", "error"),
            ])
        case .missing(let reason):
            return missingReference(reason)
        }
    }

    static func missingReference(_ reason: String) -> JSONValue {
        .object([
            ("OTIO_SCHEMA", "MissingReference.1"),
            ("metadata", .object([("kino", .object([("missing_reference_because", .string(reason))]))])),
            ("name", ""), ("available_range", .null), ("available_image_bounds", .null),
        ])
    }

    static func marker(name: String, color: String, frame: Int, rate: FrameRate, comment: String,
                       kino: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("OTIO_SCHEMA", "Marker.2"), ("metadata", .object([("kino", .object(kino))])), ("name", .string(name)),
            ("color", .string(color)), ("marked_range", range(frame, 0, rate)), ("comment", .string(comment)),
        ])
    }

    static func time(_ frames: Int, _ rate: FrameRate) -> JSONValue { time(frames, rate.doubleValue) }

    static func time(_ units: Int, _ rate: Double) -> JSONValue {
        .object([("OTIO_SCHEMA", "RationalTime.1"), ("rate", .double(rate)), ("value", .double(Double(units)))])
    }

    static func range(_ start: Int, _ duration: Int, _ rate: FrameRate) -> JSONValue { range(start, duration, rate.doubleValue) }

    static func range(_ start: Int, _ duration: Int, _ rate: Double) -> JSONValue {
        .object([("OTIO_SCHEMA", "TimeRange.1"), ("duration", time(duration, rate)), ("start_time", time(start, rate))])
    }

    static func fileName(_ url: String) -> String {
        var u = url
        while u.hasSuffix("/") { u.removeLast() }
        return u.split(separator: "/").last.map(String.init) ?? u
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
