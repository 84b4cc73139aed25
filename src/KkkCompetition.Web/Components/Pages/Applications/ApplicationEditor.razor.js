// A deep link to one section (?section=… from the correction request): its top brought into view, then the focus
// moved there without a second jump, so a keyboard or screen-reader user continues from that section.
export function focusSection(id) {
    const element = document.getElementById(id);
    if (!element) {
        return;
    }

    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
}
