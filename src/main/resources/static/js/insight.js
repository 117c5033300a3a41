// Draws each chart of a dashboard or the big screen from the data its element carries (the same values as the
// table beside it), and redraws on resize. Charts are kept in window.txCharts by id for the end-to-end tests.
(function () {
  'use strict';

  var PALETTE = ['#c8161d', '#1f6fb2', '#e0a100', '#2a9d5c', '#7b4fb3', '#d9622b', '#3aa6a6', '#8a8a8a'];

  function axisFormatter(format) {
    return format === 'PERCENT' ? '{value}%' : '{value}';
  }

  function option(data, dark) {
    var text = dark ? '#e8eef7' : '#333';
    var base = {
      color: PALETTE,
      textStyle: {color: text},
      tooltip: {trigger: data.type === 'LINE' || data.type === 'BAR' || data.type === 'HBAR' ? 'axis' : 'item', confine: true},
      animation: false
    };
    var series = data.series;
    if (data.type === 'FUNNEL' || data.type === 'PIE') {
      var items = data.categories.map(function (c, i) { return {name: c, value: series[0].values[i]}; });
      base.legend = {bottom: 0, type: 'scroll', textStyle: {color: text}};
      base.series = [data.type === 'FUNNEL'
        ? {type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 10, bottom: 40, data: items,
           label: {position: 'inside', formatter: '{b}: {c}'}}
        : {type: 'pie', radius: ['35%', '65%'], data: items, label: {formatter: '{b}: {c}', color: text}}];
      return base;
    }
    if (data.type === 'TREEMAP') {
      var colour = series.length > 1 ? series[1] : null;
      base.series = [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: {show: false},
        visualDimension: colour ? 1 : 0,
        colorMappingBy: 'value',
        color: ['#f4c7c3', '#c8161d'],
        label: {formatter: function (p) { return p.name + (colour && p.value[1] != null ? '\n' + p.value[1] + '%' : ''); }},
        data: data.categories.map(function (c, i) {
          return {name: c, value: [series[0].values[i], colour ? colour.values[i] : null]};
        })
      }];
      return base;
    }
    var horizontal = data.type === 'HBAR';
    var formats = [];
    series.forEach(function (s) { if (formats.indexOf(s.format) < 0) { formats.push(s.format); } });
    var valueAxes = formats.slice(0, 2).map(function (f) {
      return {type: 'value', axisLabel: {formatter: axisFormatter(f), color: text}, splitLine: {show: !dark}};
    });
    var categoryAxis = {type: 'category', data: data.categories, axisLabel: {color: text, hideOverlap: true},
      inverse: horizontal};
    base.legend = {top: 0, type: 'scroll', textStyle: {color: text}};
    base.grid = {left: 8, right: 16, top: 32, bottom: 8, containLabel: true};
    base.xAxis = horizontal ? valueAxes[0] : categoryAxis;
    base.yAxis = horizontal ? categoryAxis : valueAxes;
    base.series = series.map(function (s) {
      var axis = Math.min(formats.indexOf(s.format), 1);
      var out = {name: s.name, type: data.type === 'LINE' ? 'line' : 'bar', data: s.values, connectNulls: false};
      if (!horizontal) { out.yAxisIndex = axis; }
      return out;
    });
    return base;
  }

  function draw() {
    if (!window.echarts) { return; }
    window.txCharts = window.txCharts || {};
    var dark = !!document.querySelector('[data-theme="dark"]');
    document.querySelectorAll('.tx-chart[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      if (data.type === 'HBAR') {
        el.style.height = Math.max(200, 28 * Number(el.getAttribute('data-rows')) + 60) + 'px';
      }
      var chart = window.echarts.init(el, dark ? 'dark' : null, {renderer: 'canvas'});
      if (dark) { chart.setOption({backgroundColor: 'transparent'}); }
      chart.setOption(option(data, dark));
      var box = el.closest('[id]');
      window.txCharts[box ? box.id : el.id] = chart;
    });
    window.addEventListener('resize', function () {
      Object.keys(window.txCharts).forEach(function (k) { window.txCharts[k].resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
