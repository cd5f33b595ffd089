import KinoCore

extension EditorState {
    /// `q` and `:q`: quits at once when nothing runs; with jobs running it asks first, since
    /// quitting cancels them. A prompt being typed is kept, as Esc would keep it.
    mutating func requestQuit() -> [Effect] {
        guard !jobs.isEmpty else { return quitCancellingJobs() }
        let n = jobs.count
        confirmingQuit = true
        message = StatusMessage("\(n) job\(n == 1 ? "" : "s") running — quit and cancel \(n == 1 ? "it" : "them")? (y/n)")
        return []
    }

    /// Quits now, cancelling every job: `y` to the question, `:q!`, or a signal. The runtime
    /// waits for the jobs to stop before the project closes.
    mutating func quitCancellingJobs() -> [Effect] {
        var effects: [Effect] = []
        if mode == .insert { effects = promptKey(.finishEdit, key: nil) }
        confirmingQuit = false
        quitting = true
        return effects + jobs.map { .cancelJob($0.id) } + [.quit]
    }
}
