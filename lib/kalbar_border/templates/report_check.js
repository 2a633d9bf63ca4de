window.addEventListener('load', function () {
  var broken = Array.prototype.filter.call(document.images, function (img) {
    return !img.complete || img.naturalWidth === 0;
  });
  var anchors = Array.prototype.filter.call(document.querySelectorAll('a[href^="#"]'), function (a) {
    return !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  });
  document.documentElement.setAttribute('data-images', String(document.images.length));
  document.documentElement.setAttribute('data-broken-images', String(broken.length));
  document.documentElement.setAttribute('data-broken-anchors', String(anchors.length));
});
