// A function returning `text` that says how often it ran (`runs`): for caches that must build once.
export function counted(text: string) {
  const build = () => {
    build.runs++;
    return text;
  };
  build.runs = 0;
  return build;
}
