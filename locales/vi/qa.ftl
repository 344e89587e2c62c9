qa-prompt = Bà con nhắn câu hỏi vào đây nha, ví dụ: «HTX cần mấy người?» hoặc «vay không thế chấp được bao nhiêu?»
qa-coming-soon = Phần trả lời tự động đang được hoàn thiện. Bà con bấm «Gặp cán bộ» để hỏi trực tiếp cán bộ nha.
qa-unknown-command = Tôi không biết lệnh này. Bà con nhắn /menu để xem các việc tôi làm được.
