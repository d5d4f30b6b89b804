// Marriage and birth registrations (婚育登记). A core page: the menu entry "registrations" names this script; it
// registers its route with the shell's helpers (window.Renkou).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, table, pager } = ui;

  async function registrations() {
    const marriages = el('div'), births = el('div');
    show(el('h2', {}, t('marriages')), marriages, el('h2', {}, t('births')), births);
    marriages.replaceChildren(...await pager('/api/marriages', rows => table([
      ['spouseA', m => m.partyAId], ['spouseB', m => m.partyBId], ['marriageDate', m => m.marriageDate],
      ['status', m => m.status]], rows)));
    births.replaceChildren(...await pager('/api/births', rows => table([
      ['child', b => b.childName || b.childId], ['birthDate', b => b.childBirthDate], ['mother', b => b.motherId],
      ['father', b => b.fatherId], ['birthOrder', b => b.birthOrder]], rows)));
  }

  ui.register(null, { routes: { registrations: registrations } });
})();
