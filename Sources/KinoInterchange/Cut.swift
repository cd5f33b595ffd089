import KinoCore

/// What a clip of an exported timeline points at. KinoKit writes the media and hands the
/// writers these references; the writers only put them into text.
public enum ClipMedia: Hashable, Sendable {
    /// One movie file for the clip (per-shot ProRes MOV or H.264 MP4) holding `frames` frames.
    case movie(url: String, frames: Int)
    /// Numbered images `urlBase + prefix + NNNNNN + suffix`, from `startFrame`, one per frame.
    case imageSequence(urlBase: String, namePrefix: String, nameSuffix: String, startFrame: Int, padding: Int, frames: Int)
    /// No media file: the take's frames live in Kino's cache (or are not rendered yet).
    case missing(reason: String)
}

/// One shot of the cut with its place on the timeline, its media and the take it shows.
public struct CutClip: Hashable, Sendable {
    public var shot: Shot
    /// First timeline frame of the clip.
    public var start: Int
    public var media: ClipMedia
    /// The take whose frames the media holds (nil when the shot has none yet).
    public var take: Take?
    public init(shot: Shot, start: Int, media: ClipMedia, take: Take?) {
        self.shot = shot; self.start = start; self.media = media; self.take = take
    }
}

/// A project as the interchange writers see it: the timeline in order, each clip with its
/// media reference and take. Built by KinoKit; the writers are pure functions of it.
public struct Cut: Hashable, Sendable {
    public var project: Project
    public var clips: [CutClip]

    /// Pairs each shot with its media and take (`media` and `takes` keyed by shot id; a shot
    /// with no entry gets `.missing`).
    public init(project: Project, media: [ShotID: ClipMedia], takes: [ShotID: Take]) {
        self.project = project
        let starts = project.shotStarts
        clips = project.shots.enumerated().map { i, shot in
            CutClip(shot: shot, start: starts[i], media: media[shot.id] ?? .missing(reason: "no media was written"),
                    take: takes[shot.id])
        }
    }

    public var rate: FrameRate { project.frameRate }

    /// The scenes in timeline order with the first frame of each (a scene whose shots are
    /// split by another scene's appears once per run).
    public var sceneRuns: [(scene: Scene, start: Int, end: Int)] {
        var runs: [(Scene, Int, Int)] = []
        for clip in clips {
            let end = clip.start + clip.shot.duration
            if let last = runs.last, last.0.id == clip.shot.sceneID {
                runs[runs.count - 1].2 = end
            } else if let scene = project.scene(clip.shot.sceneID) {
                runs.append((scene, clip.start, end))
            }
        }
        return runs
    }
}

/// The interchange formats Kino writes.
public enum InterchangeFormat: String, CaseIterable, Sendable {
    /// OpenTimelineIO JSON (.otio).
    case otio
    /// OpenTimelineIO bundle: a zip of content.otio, version.txt and media/ (.otioz).
    case otioz
    /// CMX 3600 edit decision list (.edl).
    case edl
    /// Final Cut Pro X XML 1.9 (.fcpxml).
    case fcpxml
    /// Kdenlive/MLT project (.kdenlive).
    case kdenlive

    /// The format a destination's extension implies, or nil.
    public static func implied(byDestination path: String) -> InterchangeFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "otio": return .otio
        case "otioz": return .otioz
        case "edl": return .edl
        case "fcpxml": return .fcpxml
        case "kdenlive", "mlt": return .kdenlive
        default: return nil
        }
    }

    /// Refuses a media kind the format cannot refer to: a bundle holds movie files, FCPXML
    /// and Kdenlive play one movie per clip.
    public static func check(_ format: InterchangeFormat, holds media: InterchangeMedia) throws {
        switch (format, media) {
        case (.otioz, .png), (.otioz, .none): throw InterchangeError.mediaNotBundlable(media.rawValue)
        case (.fcpxml, .png), (.fcpxml, .none), (.kdenlive, .png), (.kdenlive, .none):
            throw InterchangeError.needsMovies(format: format.rawValue, media: media.rawValue)
        default: break
        }
    }

    public static func parse(_ text: String) throws -> InterchangeFormat {
        guard let f = InterchangeFormat(rawValue: text.lowercased()) else {
            throw InterchangeError.unknownFormat(text)
        }
        return f
    }
}

/// The media an interchange export writes beside the file for its clips.
public enum InterchangeMedia: String, CaseIterable, Sendable {
    /// One ProRes 422 HQ MOV per shot (the default: every editor reads it).
    case prores
    /// One PNG sequence per shot, referenced as an OTIO ImageSequenceReference.
    case png
    /// One H.264 MP4 per shot.
    case h264
    /// No media: clips are missing references naming the take's cached frames.
    case none

    public static func parse(_ text: String) throws -> InterchangeMedia {
        guard let m = InterchangeMedia(rawValue: text.lowercased()) else { throw InterchangeError.unknownMedia(text) }
        return m
    }
}

