import Dashboard
import Foundation
import PlanKit

/// The run loop: reads terminal events, feeds them to `reduce`, carries out the effects
/// (writes through PlanFile, probes in the background, the editor, themes), watches the
/// plan for outside edits, and paints what changed in `render`'s frame.
///
/// Effects never call `reduce`: each result is posted to the inbox, and the loop feeds
/// the inbox to `reduce` before it takes the next event (bubbletea's Cmd → Msg).
public final class DashboardApp {
    public private(set) var state: DashboardState
    private var planFile: PlanFile
    private var watcher: PlanWatcher
    /// The files the last judgement's `text`/`yaml` checks read.
    private var checkedFiles = FileSetWatcher(paths: [])
    private let displayPath: String
    private let terminal: DashboardTerminal
    private var theme: Theme
    private let catalog: ThemeCatalog
    private let live: LiveStatusSource
    private let inbox = Inbox()
    private let environment: [String: String]
    private let bench: BenchLog?
    private let pollInterval: TimeInterval
    private var running = true
    private var dirty = true
    /// The frame on the glass, the one the next frame is diffed against; nil: paint whole.
    private var lastFrame: Screen?
    private var keyArrived: Date?
    /// Reads the plan's history (git) off the loop's thread; nil: none is shown.
    private let history: HistorySource?

    /// `pollInterval`: seconds between looks at the plan for outside edits.
    public init(planFile: PlanFile, displayPath: String, terminal: DashboardTerminal, theme: Theme,
                themeNames: [String], catalog: ThemeCatalog, live: LiveStatusSource, refresh: TimeInterval,
                stages: [String], stage: String?, mouse: Bool, environment: [String: String],
                pollInterval: TimeInterval = 0.3, history: HistorySource? = nil) {
        self.history = history
        self.planFile = planFile
        self.displayPath = displayPath
        watcher = PlanWatcher(path: planFile.path)
        self.terminal = terminal
        self.theme = theme
        self.catalog = catalog
        self.live = live
        self.environment = environment
        self.pollInterval = pollInterval
        bench = BenchLog(environment: environment)
        var state = DashboardState(
            outline: PlanOutline(document: planFile.document, path: displayPath),
            width: terminal.columns, height: terminal.rows, now: Date(), refresh: refresh,
            stages: stages, stage: stage, themes: themeNames, theme: theme.name,
            unicode: terminal.unicode, mouse: mouse)
        state.colorless = ColorMode.noColorRequested(environment)
        self.state = state
    }

    public func run() {
        paint()
        bench?.record("first_frame_epoch", Date().timeIntervalSince1970)
        handle(.started)
        readHistory()
        var lastTick = Date.distantPast
        var lastPoll = Date()
        while running {
            if let event = terminal.waitForEvent(milliseconds: state.live.probing ? 80 : 200) {
                keyArrived = Date()
                handle(event)
                // Take a burst of input (a paste, a held key) before painting again.
                while running, let more = terminal.waitForEvent(milliseconds: 0) { handle(more) }
            }
            handleInbox()
            let now = Date()
            if running, now.timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = now
                checkForOutsideEdit()
            }
            if running, now.timeIntervalSince(lastTick) >= (state.live.probing ? 0.1 : 0.5) {
                lastTick = now
                handle(.tick(now))
            }
            if running { paint() }
            if let arrived = keyArrived {  // the key's answer is on the glass
                bench?.record("key_to_frame_ms", Date().timeIntervalSince(arrived) * 1000)
                keyArrived = nil
            }
        }
    }

    /// The history is read in the background: the first frame never waits for git.
    private func readHistory() {
        guard let history else { return }
        let inbox = self.inbox
        Task.detached { inbox.post(await history.read()) }
    }

    private func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key): handle(Action.key(key))
        case .resize(let width, let height):
            lastFrame = nil  // the glass no longer holds the old frame
            handle(Action.resize(width: width, height: height))
        case .mouse(let mouse): handle(Action.mouse(mouse))
        case .hangUp: running = false  // no one is left to see the dashboard: end, write nothing
        }
    }

    /// Reduces `action`, carries out its effects, then reduces what they posted, until
    /// the inbox is empty: the next event sees every result of this one.
    private func handle(_ action: Action) {
        dirty = true
        for effect in reduce(&state, action) { perform(effect) }
        handleInbox()
    }

    private func handleInbox() {
        while running {
            let results = inbox.takeAll()
            guard !results.isEmpty else { return }
            dirty = true
            for result in results where running {
                for effect in reduce(&state, result) { perform(effect) }
            }
            watchJudgedFiles()
        }
    }

    private func paint() {
        guard dirty else { return }
        dirty = false
        let frame = render(state)
        guard frame != lastFrame else { return }
        terminal.draw(frame.changes(from: lastFrame), theme: theme)
        lastFrame = frame
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            running = false
        case .writeMark(let change, let origin):
            write(change, origin: origin)
        case .probe(let stage):
            let live = self.live, inbox = self.inbox
            Task.detached { inbox.post(await live.probe(stage)) }
        case .probeColumn(let stage):
            let live = self.live, inbox = self.inbox
            Task.detached { inbox.post(await live.matrix([stage])) }
        case .openEditor(let line):
            let problem = EditorLauncher.edit(path: planFile.path, line: line, environment: environment,
                                              in: terminal)
            lastFrame = nil  // the editor drew over the glass
            inbox.post(.resize(width: terminal.columns, height: terminal.rows))
            reload(reason: .editor)
            if let problem { inbox.post(.planLoadFailed(problem)) }
        case .writeBack:
            do {
                try planFile.writeBack()
                watcher.acceptCurrent()
                checkedFiles.acceptCurrent()
                inbox.post(.planLoaded(PlanOutline(document: planFile.document, path: displayPath), reason: .writtenBack))
            } catch {
                inbox.post(.planLoadFailed(error.description))
            }
        case .repaint:
            lastFrame = nil  // the next paint hands the terminal the whole frame
        case .copy(let text):
            terminal.copyToClipboard(text)
        case .applyTheme(let name):
            do {
                theme = try catalog.load(name)
                lastFrame = nil
                ThemeMemory(environment: environment).save(name)
            } catch {
                inbox.post(.themeFailed(error.description))
            }
        }
    }

    /// Writes at once through PlanFile, which re-reads first: an outside edit is never
    /// written over, the change is placed in the new content or not written at all.
    /// An undo or redo carries what the file must still hold; if it does not, PlanFile
    /// writes nothing and the change leaves the history (CONTRACT §4).
    private func write(_ change: StateChange, origin: ChangeOrigin) {
        do {
            let outcome = try planFile.apply(change, stamp: Date())
            watcher.acceptCurrent()
            checkedFiles.acceptCurrent()  // the write's rename touched the plan's folder, perhaps a watched one
            if let keyArrived { bench?.record("key_to_write_ms", Date().timeIntervalSince(keyArrived) * 1000) }
            let outline = PlanOutline(document: planFile.document, path: displayPath)
            if outcome.wrote {
                inbox.post(.markWritten(outcome, origin: origin, outline: outline))
            } else {
                inbox.post(.planLoaded(outline, reason: .outsideEdit))
                inbox.post(.writeFailed(change, origin: origin,
                                        message: "\(outcome.item.reference.capitalizedName) is already \(outcome.item.state.rawValue) on disk; nothing was written."))
            }
        } catch {
            reload(reason: .outsideEdit, always: true)  // apply may have read a newer version before it refused
            if case .changedOnDisk = error, origin != .user {
                inbox.post(.replayRefused(change, origin: origin))
            } else {
                inbox.post(.writeFailed(change, origin: origin, message: error.description))
            }
        }
    }

    private func checkForOutsideEdit() {
        checkCheckedFiles()
        guard watcher.changed() else { return }
        reload(reason: .outsideEdit)
        handleInbox()
    }

    /// A new judgement names the files it read and the folders it listed: their look as it
    /// arrives is the baseline, except for paths already watched, which keep theirs.
    private func watchJudgedFiles() {
        let watched = state.live.status?.watchedFiles ?? []
        if watched != checkedFiles.paths { checkedFiles = FileSetWatcher(paths: watched, previous: checkedFiles) }
    }

    /// A change to a judged file judges again (quietly, as an auto-refresh). Not while a
    /// judgement runs: it would be dropped, and the change forgotten; it is noticed after.
    private func checkCheckedFiles() {
        guard !state.live.probing else { return }
        if checkedFiles.changed() { handle(Action.checkedFilesChanged) }
    }

    /// Reads the plan again and posts it when it changed (`always`: in any case); a plan
    /// that is gone is posted as such, a lasting banner.
    private func reload(reason: LoadReason, always: Bool = false) {
        do {
            let changed = try planFile.reload()
            watcher.acceptCurrent()
            if changed || always || reason == .editor || state.planGone != nil {
                inbox.post(.planLoaded(PlanOutline(document: planFile.document, path: displayPath), reason: reason))
            }
        } catch {
            switch error {  // deleted, or a folder in its place: a lasting banner, short enough to read whole
            case .missing: inbox.post(.planGone("\(displayPath) was deleted"))
            case .notAFile: inbox.post(.planGone("\(displayPath) is a folder now"))
            case .notARegularFile: inbox.post(.planGone("\(displayPath) is no longer a regular file"))
            default:
                inbox.post(.planLoadFailed(error.description + " Showing the last version read."))
            }
        }
    }
}
