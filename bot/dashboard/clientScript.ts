/**
 * The only script of the dashboard's own: it draws the figures page's charts with chart.js
 * (served from node_modules by our server, so an office without internet still has them)
 * from the JSON the page carries. No data is fetched and nothing else runs.
 */
export const DASHBOARD_SCRIPT = `(function () {
  var holder = document.getElementById('chart-data');
  if (!holder || typeof Chart === 'undefined') return;
  var data = JSON.parse(holder.textContent);
  var colors = ['#1f4e79', '#2e90fa', '#12b76a', '#f79009', '#d92d20', '#7a5af8'];
  var common = { responsive: true, maintainAspectRatio: false, animation: false };
  var trend = [];
  data.trend.series.forEach(function (s, i) {
    trend.push({ label: s.label, data: s.values, borderColor: colors[i % 6], backgroundColor: colors[i % 6], spanGaps: true, tension: 0.2 });
    if (s.target !== null) trend.push({ label: s.targetLabel, data: data.trend.labels.map(function () { return s.target; }), borderColor: colors[i % 6], borderDash: [6, 4], pointRadius: 0, borderWidth: 1 });
  });
  new Chart(document.getElementById('chart-trend'), { type: 'line', data: { labels: data.trend.labels, datasets: trend },
    options: Object.assign({}, common, { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } }, plugins: { legend: { labels: { boxWidth: 12, font: { size: 11 } } } } }) });
  function bars(id, d, color, horizontal) {
    new Chart(document.getElementById(id), { type: 'bar', data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: color }] },
      options: Object.assign({}, common, { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } } }) });
  }
  bars('chart-departments', data.byDepartment, '#1f4e79', false);
  bars('chart-categories', data.byCategory, '#2e90fa', true);
  bars('chart-buildings', data.hotBuildings, '#f79009', true);
})();
`;
