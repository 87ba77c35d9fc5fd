// Reads the chosen workbook file into the import form (which is sent as a plain form).
(function () {
  'use strict';
  var file = document.getElementById('import-file');
  if (!file || !window.FileReader) return;
  file.addEventListener('change', function () {
    var chosen = file.files && file.files[0];
    if (!chosen) return;
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById('import-content').value = reader.result;
      document.getElementById('import-name').value = chosen.name;
    };
    reader.readAsText(chosen);
  });
})();
