/// A named thing the editor can do. Keys map to commands through the Keymap; the command's
/// name is what help and Docs/Keymap.md print.
public enum Command: String, Hashable, Sendable, CaseIterable {
    // Moving around the timeline.
    case previousShot = "previous-shot", nextShot = "next-shot"
    case previousFrame = "previous-frame", nextFrame = "next-frame"
    case backSecond = "back-one-second", forwardSecond = "forward-one-second"
    case firstFrame = "go-to-start", lastFrame = "go-to-end"
    case zoomIn = "zoom-in", zoomOut = "zoom-out", zoomFit = "zoom-to-fit"
    case scrollLeft = "scroll-left", scrollRight = "scroll-right"
    case nextPane = "next-pane", previousPane = "previous-pane"
    case nextItem = "next-item", previousItem = "previous-item"
    // Editing the project.
    case undo, redo
    case editPrompt = "edit-prompt"
    case addShot = "add-shot", deleteShot = "delete-shot"
    case moveShotEarlier = "move-shot-earlier", moveShotLater = "move-shot-later"
    case openCurveEditor = "open-curve-editor"
    // Generation.
    case renderShot = "render-shot", cancelJob = "cancel-job"
    case nextTake = "next-take", previousTake = "previous-take"
    case playPause = "play-pause"
    // Editor.
    case commandLine = "command-line"
    case toggleHelp = "toggle-help"
    case quit
    /// The answers to "2 jobs running — quit and cancel them? (y/n)"; a signal answers yes.
    case quitCancellingJobs = "quit-cancelling-jobs", keepWorking = "keep-working"
    // Text editing (insert and command modes).
    case insertCharacter = "insert-character", newline
    case deleteBackward = "delete-backward", deleteForward = "delete-forward", deleteWordBackward = "delete-word-backward"
    case cursorLeft = "cursor-left", cursorRight = "cursor-right"
    case wordLeft = "word-left", wordRight = "word-right"
    case lineUp = "line-up", lineDown = "line-down", lineStart = "line-start", lineEnd = "line-end"
    case finishEdit = "finish-edit", cancelEdit = "cancel-edit"
    // Command line.
    case execute, complete
    case historyPrevious = "history-previous", historyNext = "history-next"
    // Curve editor.
    case nextKey = "next-key", previousKey = "previous-key"
    case nextChannel = "next-channel", previousChannel = "previous-channel"
    case keyEarlier = "key-earlier", keyLater = "key-later"
    case keyEarlierCoarse = "key-earlier-coarse", keyLaterCoarse = "key-later-coarse"
    case keyUp = "key-up", keyDown = "key-down", keyUpCoarse = "key-up-coarse", keyDownCoarse = "key-down-coarse"
    case addKey = "add-key", deleteKey = "delete-key"
    case cycleInterpolation = "cycle-interpolation", cycleEasing = "cycle-easing", cycleHandleType = "cycle-handle-type"
    case handleSteeper = "handle-steeper", handleFlatter = "handle-flatter"
    case handleLonger = "handle-longer", handleShorter = "handle-shorter"
    case applyPreset = "apply-preset"
    case leaveCurveEditor = "leave-curve-editor"
    // Help overlay.
    case closeHelp = "close-help", helpDown = "help-scroll-down", helpUp = "help-scroll-up"
    case helpPageDown = "help-page-down", helpPageUp = "help-page-up"
}
