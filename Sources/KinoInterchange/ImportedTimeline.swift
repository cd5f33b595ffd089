import KinoCore

/// What a clip of an imported timeline points at, with paths already resolved against the
/// timeline's folder (existence is checked by the caller, which owns the file system).
public enum ImportedMedia: Hashable, Sendable {
    /// A movie file (ExternalReference).
    case file(path: String)
    /// The first image of an ImageSequenceReference.
    case imageSequence(firstImage: String)
    /// No media (MissingReference, GeneratorReference).
    case missing
}

/// One clip of the video track, in project frames.
public struct ImportedClip: Hashable, Sendable {
    public var name: String
    /// First frame on the (closed-up) timeline, at the project rate.
    public var timelineStart: Int
    /// Length in project frames.
    public var duration: Int
    /// The source range's start and rate (the media's own frames).
    public var sourceStart: Rational
    public var media: ImportedMedia
    /// Names and comments of the clip's markers (they become notes, and part of the prompt of
    /// a shot to generate).
    public var notes: [String]
    /// The shot recorded under `kino` metadata by a Kino export, if any.
    public var kinoShot: Shot?
}

/// A point where a new scene begins, from a track marker.
public struct ImportedSceneStart: Hashable, Sendable {
    public var frame: Int
    public var name: String
    public var environment: String
    /// The scene recorded by a Kino export, if the marker carries one.
    public var kinoSceneID: SceneID?
}

/// The project record a Kino export keeps under the timeline's `kino` metadata.
public struct KinoProjectRecord: Hashable, Sendable {
    public var settings: ProjectSettings
    public var scenes: [Scene]
    public var characters: [Character]
    public var lightingSetups: [LightingSetup]
    public var markers: [Marker]
    /// The sound: lanes, clips and ducking.
    public var audio: AudioTimeline
    public var nextIDNumber: Int
}

/// An OpenTimelineIO timeline read into Kino's terms, with everything Kino does not model
/// listed in `report` (never silently dropped).
public struct ImportedTimeline: Hashable, Sendable {
    public var name: String
    public var frameRate: FrameRate
    public var clips: [ImportedClip]
    public var sceneStarts: [ImportedSceneStart]
    /// Clip markers and foreign track markers that are not scene starts, as project markers.
    public var notes: [(frame: Int, label: String)]
    public var kinoProject: KinoProjectRecord?
    /// One line per thing not imported as it was: gaps closed up, transitions, effects,
    /// extra tracks, rates rounded.
    public var report: [String]

    public static func == (a: ImportedTimeline, b: ImportedTimeline) -> Bool {
        a.name == b.name && a.frameRate == b.frameRate && a.clips == b.clips && a.sceneStarts == b.sceneStarts
            && a.notes.map(\.frame) == b.notes.map(\.frame) && a.notes.map(\.label) == b.notes.map(\.label)
            && a.kinoProject == b.kinoProject && a.report == b.report
    }
    public func hash(into h: inout Hasher) { h.combine(name); h.combine(clips) }
}
