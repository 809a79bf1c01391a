export default defineBackground(() => {
  // Wiring only; handlers live in lib/.
});
