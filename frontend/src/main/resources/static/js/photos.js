// 驿站照片 (station photos): the entrance (入口) and the inside (内部) of a station as thumbnails — tap one for the full
// image — each with the date taken (拍摄于) or uploaded, loaded when a station's detail opens (GET
// /api/stations/{id}/photos). An editor uploads one from the planner's popup (上传照片, shown at once); a worker proposes one
// from the worker page's detail (补充照片, shown once an editor approves it). The planner's 职工反馈 panel lists the
// proposals with 通过 / 不采用 (GET /api/photos?status=PENDING, POST /api/photos/{id}/approve | reject).
import { getJson, postForm, postJson } from './api.js';
import { h, fmtTime } from './dom.js';

const KINDS = [{ code: 'ENTRANCE', label: '入口' }, { code: 'INSIDE', label: '内部' }];

function kindLabel(p) {
  return p.kindName || (KINDS.find((k) => k.code === p.kind) || { label: '照片' }).label;
}

/** 「拍摄于 2026-05-01」, or when the date taken is unknown 「上传于 11月23日 10:05」. */
export function photoDate(p) {
  return p.takenAt ? '拍摄于 ' + p.takenAt : '上传于 ' + fmtTime(p.uploadedAt);
}

/** One photo: its thumbnail (a link to the full image, opened over the page) with 入口/内部 and the date. */
export function photoFigure(p) {
  const label = kindLabel(p);
  const link = h('a', { href: p.url, class: 'photo-open', 'aria-label': '查看' + label + '照片大图',
    onclick: (e) => { e.preventDefault(); openViewer(p); } },
  h('img', { src: p.thumbnailUrl, alt: label + '照片', loading: 'lazy', width: p.thumbnailWidth, height: p.thumbnailHeight }));
  return h('figure', { class: 'photo', 'data-photo-id': p.id, 'data-kind': p.kind }, link,
    h('figcaption', {}, h('span', { class: 'photo-kind' }, label), ' ', h('span', { class: 'photo-date' }, photoDate(p))));
}

/** The full image over the page; a tap outside it, × or Escape closes it. */
function openViewer(p) {
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  const closeButton = h('button', { type: 'button', class: 'photo-viewer-close', 'aria-label': '关闭', onclick: () => close() }, '×');
  const viewer = h('div', { class: 'photo-viewer', role: 'dialog', 'aria-modal': 'true', 'aria-label': kindLabel(p) + '照片',
    onclick: (e) => { if (e.target === viewer) close(); } },
  h('figure', {}, h('img', { src: p.url, alt: kindLabel(p) + '照片', width: p.width, height: p.height }),
    h('figcaption', {}, kindLabel(p) + ' · ' + photoDate(p))), closeButton);
  function close() {
    viewer.remove();
    document.removeEventListener('keydown', onKey);
  }
  document.body.append(viewer);
  document.addEventListener('keydown', onKey);
  closeButton.focus();
}

/**
 * A station's photos, loaded now (build it when the detail opens), with an upload form when asked:
 * upload 'editor' — 上传照片, shown at once (the planner popup); 'propose' — 补充照片, shown after review (the worker page).
 */
export function photoSection(stationId, { upload = null } = {}) {
  const strip = h('div', { class: 'photo-strip' });
  const note = h('p', { class: 'panel-note photo-note' }, '正在加载照片…');
  const root = h('section', { class: 'station-photos', 'data-station-id': stationId, 'data-state': 'loading' },
    h('h4', {}, '照片'), note, strip);
  const show = (photos) => {
    strip.replaceChildren(...photos.map(photoFigure));
    note.textContent = photos.length ? '' : '暂无照片。';
    note.hidden = photos.length > 0;
  };
  getJson('/api/stations/' + encodeURIComponent(stationId) + '/photos').then((r) => {
    show(r.photos || []);
    root.dataset.state = 'ready';
  }).catch((e) => {
    note.textContent = '无法加载照片：' + e.message;
    note.dataset.kind = 'error';
    root.dataset.state = 'error';
  });
  if (upload) {
    root.append(uploadForm(stationId, upload === 'propose', (photo) => {
      if (photo.status !== 'APPROVED') return;
      strip.prepend(photoFigure(photo));
      note.hidden = true;
    }));
  }
  return root;
}

/** 上传照片 / 补充照片: kind, the file, the date taken if known. */
function uploadForm(stationId, propose, added) {
  const kinds = h('div', { class: 'photo-kinds', role: 'radiogroup', 'aria-label': '照片类型' },
    ...KINDS.map((k, i) => h('label', { class: 'photo-kind-choice' },
      h('input', { type: 'radio', name: 'kind-' + stationId, value: k.code, checked: i === 0 }), ' ' + k.label)));
  const file = h('input', { type: 'file', name: 'file', class: 'photo-file', accept: 'image/jpeg,image/png,image/webp',
    'aria-label': '选择照片' });
  const taken = h('input', { type: 'date', name: 'takenAt', class: 'photo-taken', 'aria-label': '拍摄日期（选填）' });
  const error = h('p', { class: 'form-error photo-error', role: 'alert', hidden: true });
  const done = h('p', { class: 'panel-note photo-done', role: 'status', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small photo-submit' }, propose ? '提交照片' : '上传');
  const form = h('form', { class: 'photo-form', novalidate: true }, kinds, file,
    h('label', { class: 'photo-taken-label' }, '拍摄日期（选填）', taken), error, submit, done);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    done.hidden = true;
    if (!file.files.length) {
      error.textContent = '请选择一张照片（JPEG、PNG 或 WebP）。';
      error.hidden = false;
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('kind', form.querySelector('input[type="radio"]:checked').value);
    if (taken.value) data.append('takenAt', taken.value);
    if (propose) data.append('proposal', 'true');
    submit.disabled = true;
    form.dataset.state = 'sending';
    try {
      const photo = await postForm('/api/stations/' + encodeURIComponent(stationId) + '/photos', data);
      form.dataset.state = 'done';
      form.dataset.photoId = photo.id;
      done.textContent = photo.status === 'APPROVED' ? '已上传' + kindLabel(photo) + '照片。' : '已提交，工会工作人员审核后显示，谢谢！';
      done.dataset.kind = 'ok';
      done.hidden = false;
      file.value = '';
      added(photo);
    } catch (e) {
      form.dataset.state = 'rejected';
      error.textContent = (propose ? '提交失败：' : '上传失败：') + e.message;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', { class: 'photo-upload' },
    h('summary', {}, propose ? '补充照片' : '上传照片'),
    propose ? h('p', { class: 'panel-note' }, '拍一张入口或内部的照片，审核后显示给其他职工。照片中的位置信息会被删除。') : null,
    form);
}

/** 待审核照片 in the planner's 职工反馈 panel: the proposals of the stations one may edit, with 通过 / 不采用. */
export function mountPendingPhotos(container, ctx) {
  const title = h('h3', { class: 'pending-photos-title' }, '待审核照片');
  const note = h('p', { class: 'panel-note', id: 'pending-photos-note' }, '正在加载…');
  const list = h('ul', { class: 'pending-photos', id: 'pending-photos' });
  const section = h('div', { class: 'pending-photos-section', 'data-state': 'loading' }, title, note, list);
  container.append(section);
  /** The count in the title, and what was just done (if anything) in the note. */
  const count = (done = '') => {
    const n = list.children.length;
    title.textContent = '待审核照片（' + n + ' 张）';
    note.textContent = done + (n ? '' : '没有待审核的照片。');
  };
  const item = (p) => {
    const error = h('p', { class: 'form-error', hidden: true });
    const li = h('li', { class: 'pending-photo', 'data-photo-id': p.id, 'data-station-id': p.stationId }, photoFigure(p),
      h('div', { class: 'pending-photo-info' },
        h('button', { type: 'button', class: 'link pending-photo-station', onclick: () => ctx.stations.open(p.stationId) },
          p.stationName || ('站点 ' + p.stationId)),
        h('div', { class: 'pending-photo-actions' },
          h('button', { type: 'button', class: 'btn btn-primary btn-small photo-approve',
            onclick: () => review(li, error, '/api/photos/' + p.id + '/approve', '已通过') }, '通过'),
          h('button', { type: 'button', class: 'btn btn-secondary btn-small photo-reject',
            onclick: () => review(li, error, '/api/photos/' + p.id + '/reject', '未采用') }, '不采用')),
        error));
    return li;
  };
  const review = async (li, error, url, outcome) => {
    li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await postJson(url, {});
      li.remove();
      note.dataset.kind = 'ok';
      count(outcome + '一张照片。');
    } catch (e) {
      error.textContent = '操作失败：' + e.message;
      error.hidden = false;
      li.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  };
  getJson('/api/photos?status=PENDING').then((r) => {
    const photos = r.photos || [];
    list.replaceChildren(...photos.map(item));
    count();
    section.dataset.state = 'ready';
  }).catch((e) => {
    note.textContent = '无法加载待审核照片：' + e.message;
    note.dataset.kind = 'error';
    section.dataset.state = 'error';
  });
  return section;
}
