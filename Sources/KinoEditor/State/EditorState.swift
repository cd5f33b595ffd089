import KinoCore

/// The editor's modes. Help is an overlay on top of any of them.
public enum EditorMode: String, Hashable, Sendable {
    case normal, insert, curve, command
    var keymapMode: KeymapMode {
        switch self { case .normal: return .normal; case .insert: return .insert; case .curve: return .curve; case .command: return .command }
    }
}

/// The panes Tab cycles through.
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case timeline, inspector, curves, characters, preview
    public var title: String {
        switch self {
        case .timeline: return "Timeline"
        case .inspector: return "Inspector"
        case .curves: return "Curve"
        case .characters: return "Characters & lighting"
        case .preview: return "Preview"
        }
    }
}

/// What the project file says about a shot's frames.
public enum ShotRenderStatus: String, Hashable, Sendable {
    case notRendered = "not rendered", rendered, stale
}

/// Per-shot facts the runtime reads from the session: render state, takes, the interpreter's report.
public struct ShotStatus: Hashable, Sendable {
    public var render: ShotRenderStatus
    /// 1-based position of the current take among the shot's takes.
    public var currentTake: Int?
    public var takeCount: Int
    public var ignoredWords: [String]
    /// A small picture of the current take for the timeline block, when there is one.
    public var thumbnail: Frame?
    /// The words the current take's own segment was made with, when an extend or refine gave
    /// it other words than the shot's prompt (they belong to that segment, not the shot).
    public var segmentWords: String?
    public init(render: ShotRenderStatus = .notRendered, currentTake: Int? = nil, takeCount: Int = 0, ignoredWords: [String] = [],
                thumbnail: Frame? = nil, segmentWords: String? = nil) {
        self.render = render; self.currentTake = currentTake; self.takeCount = takeCount; self.ignoredWords = ignoredWords
        self.thumbnail = thumbnail; self.segmentWords = segmentWords
    }
}

/// A background job's identity, handed out by the reducer.
public typealias JobID = Int

/// A background job the status line and the timeline show.
public struct Job: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case render, extend(frames: Int, prompt: String?), refine(from: Int, to: Int?), export(path: String), frame(path: String)
        public var verb: String {
            switch self {
            case .render: return "render"; case .extend: return "extend"; case .refine: return "refine"; case .export: return "export"
            case .frame: return "frame"
            }
        }
    }
    public enum Phase: Hashable, Sendable { case queued, running }
    public var id: JobID
    public var kind: Kind
    public var shot: ShotID?
    public var phase: Phase
    /// 0…1.
    public var progress: Double
    public init(id: JobID, kind: Kind, shot: ShotID?, phase: Phase = .queued, progress: Double = 0) {
        self.id = id; self.kind = kind; self.shot = shot; self.phase = phase; self.progress = progress
    }
    /// "render sh2", "export out.mp4".
    public var label: String {
        if case .export(let p) = kind { return "export \(p)" }
        return "\(kind.verb) \(shot?.raw ?? "")"
    }
}

/// How a finished job ended.
public enum JobOutcome: Hashable, Sendable {
    case succeeded(String)
    case cancelled(String)
    case failed(String)
}

/// The last message the status line shows.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// A frame on show in the preview pane.
public struct PreviewImage: Hashable, Sendable {
    public var shot: ShotID
    /// Frame within the shot.
    public var frame: Int
    public var image: Frame
    public init(shot: ShotID, frame: Int, image: Frame) { self.shot = shot; self.frame = frame; self.image = image }
}

/// The visible part of the timeline: zoom (frames per cell) and scroll (first frame shown).
public struct TimelineViewport: Hashable, Sendable {
    public var framesPerCell: Double
    public var firstFrame: Int
    /// When true the zoom follows the sequence length so it always fits.
    public var fitted: Bool
    public init(framesPerCell: Double = 12, firstFrame: Int = 0, fitted: Bool = true) {
        self.framesPerCell = framesPerCell; self.firstFrame = firstFrame; self.fitted = fitted
    }
}

/// The curve editor's selection.
public struct CurveSelection: Hashable, Sendable {
    public var channel: CameraChannel
    /// Index of the selected key in the channel's keys.
    public var key: Int
    public init(channel: CameraChannel = .positionX, key: Int = 0) { self.channel = channel; self.key = key }
}

/// The command line: what is typed, the history, and the completion being cycled.
public struct CommandLineState: Hashable, Sendable {
    public var buffer = TextBuffer()
    public var history: [String] = []
    /// Position in history while browsing with ↑/↓ (nil: editing a new line).
    public var historyIndex: Int?
    public var completions: [String] = []
    public var completionIndex: Int?
    /// The text before Tab cycling began, so each Tab replaces the last candidate.
    public var completionBase: String?
    public init() {}
}

/// The terminal's size in cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var cols: Int, rows: Int
    public init(cols: Int, rows: Int) { self.cols = cols; self.rows = rows }
    public var description: String { "\(cols)x\(rows)" }
    /// Below this the editor shows "terminal too small".
    public static let minimum = TerminalSize(cols: 60, rows: 16)
    public var isTooSmall: Bool { cols < Self.minimum.cols || rows < Self.minimum.rows }
}

/// Everything the editor shows and remembers, as one value. The reducer turns one state into
/// the next; the view draws it; nothing else holds editor state.
public struct EditorState: Sendable {
    public var project: Project
    /// Where the project file is (shown in the status line).
    public var projectPath: String
    public var selectedShot: ShotID?
    /// Playhead position on the sequence, in frames.
    public var playhead: Int
    public var focus: Pane = .timeline
    public var mode: EditorMode = .normal
    /// The prompt being edited in insert mode.
    public var promptBuffer: TextBuffer?
    /// The shot's prompt when that editing began: when another process changes the prompt
    /// meanwhile, leaving insert mode says so instead of writing over it.
    public var promptBase: String?
    public var curve = CurveSelection()
    public var timeline = TimelineViewport()
    public var commandLine = CommandLineState()
    public var jobs: [Job] = []
    public var nextJobID: JobID = 1
    public var shotStatus: [ShotID: ShotStatus] = [:]
    public var preview: PreviewImage?
    public var message: StatusMessage?
    public var themeName: String
    public var availableThemes: [String]
    public var size: TerminalSize
    public var helpVisible = false
    public var helpScroll = 0
    public var playing = false
    /// Selected row in the characters & lighting list.
    public var listSelection = 0
    /// Set when the user quit; the runtime stops after the effects.
    public var quitting = false

    public init(project: Project, projectPath: String = "", size: TerminalSize = TerminalSize(cols: 120, rows: 36),
                themeName: String = "default", availableThemes: [String] = ThemeLibrary.builtinNames) {
        self.project = project
        self.projectPath = projectPath
        self.selectedShot = project.shots.first?.id
        self.playhead = 0
        self.size = size
        self.themeName = themeName
        self.availableThemes = availableThemes
    }

    /// Index of the selected shot on the timeline.
    public var selectedIndex: Int? { selectedShot.flatMap { project.shotIndex($0) } }
    public var selected: Shot? { selectedIndex.map { project.shots[$0] } }

    /// The shot under the playhead and the frame within it.
    public var playheadShot: (index: Int, local: Int)? { project.shot(atTimelineFrame: playhead) }

    /// Jobs for one shot (the newest last).
    public func jobs(for shot: ShotID) -> [Job] { jobs.filter { $0.shot == shot } }
}
