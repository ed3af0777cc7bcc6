// Loaded into the web server (NODE_OPTIONS=--import) by `npm start`: when the launcher is gone, even killed with
// SIGKILL, the server exits too instead of running on unattended. Plain JavaScript: it runs before any loader.
const launcherPid = Number(process.env.LMS_SYNC_LAUNCHER_PID ?? 0);

if (launcherPid > 0) {
  setInterval(() => {
    try {
      process.kill(launcherPid, 0);
    } catch {
      console.error(`the launcher (pid ${launcherPid}) is gone; stopping`);
      process.exit(0);
    }
  }, 1_000).unref();
}
