import { useEffect, useId, useRef, useState } from 'react';
import { PICTURE_MAX_BYTES, PICTURE_TYPES, type Doctor } from '../../../../contracts/doctors.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card } from '../../../lib/ui/card.js';
import { useRemoveDoctorPicture, useUploadDoctorPicture } from '../api/use-doctor-picture.js';
import { DoctorAvatar } from '../../../entities/doctors/doctor-avatar.js';
import { doctorName } from '../../../../contracts/people.js';

function checkFile(file: File): string | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) {
    return 'Choose a PNG, JPEG or WebP image.';
  }
  if (file.size > PICTURE_MAX_BYTES) {
    return `That image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB.`;
  }
  return null;
}

/** The doctor's profile picture: choose, preview, upload with progress, or remove. */
export function DoctorPictureCard({ doctor }: { doctor: Doctor }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const upload = useUploadDoctorPicture(doctor.id);
  const remove = useRemoveDoctorPicture(doctor.id);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const clear = () => {
    setFile(null);
    if (input.current) input.current.value = '';
  };

  const onChoose = (chosen: File | undefined) => {
    setMessage(null);
    setProblem(null);
    if (!chosen) return clear();
    const issue = checkFile(chosen);
    if (issue) {
      setProblem(issue);
      return clear();
    }
    setFile(chosen);
  };

  const onUpload = () => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => {
          clear();
          setMessage('Picture updated.');
        },
        onError: (e) => setProblem(errorMessage(e)),
      },
    );
  };

  const onRemove = () => {
    setMessage(null);
    setProblem(null);
    remove.mutate(undefined, {
      onSuccess: () => setMessage('Picture removed.'),
      onError: (e) => setProblem(errorMessage(e)),
    });
  };

  const busy = upload.isPending || remove.isPending;
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">Profile picture</h2>
      <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
        {preview ? (
          <img src={preview} alt="Preview of the new picture" className="size-28 rounded-full object-cover ring-2 ring-brand-700" />
        ) : doctor.pictureUrl ? (
          <img src={doctor.pictureUrl} alt={`Current picture of ${doctorName(doctor)}`} className="size-28 rounded-full object-cover ring-1 ring-slate-200" />
        ) : (
          <DoctorAvatar doctor={doctor} size="lg" />
        )}
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
              Choose a picture
            </label>
            <p id={`${inputId}-hint`} className="text-sm text-slate-600">
              PNG, JPEG or WebP, up to 2 MB. A square photo of the face works best.
            </p>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={PICTURE_TYPES.join(',')}
              aria-describedby={`${inputId}-hint`}
              disabled={busy}
              onChange={(e) => onChoose(e.target.files?.[0])}
              className="mt-2 block w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:font-medium file:text-slate-900 hover:file:bg-slate-100"
            />
          </div>
          <div className="flex flex-wrap gap-2">
            {file && (
              <>
                <Button onClick={onUpload} pending={upload.isPending} pendingLabel="Uploading…">
                  Upload picture
                </Button>
                <Button variant="secondary" onClick={clear} disabled={busy}>
                  Cancel
                </Button>
              </>
            )}
            {!file && doctor.pictureUrl && (
              <Button variant="secondary" onClick={onRemove} pending={remove.isPending} disabled={busy}>
                Remove picture
              </Button>
            )}
          </div>
          {upload.isPending && (
            <div className="space-y-1">
              <progress
                aria-label="Upload progress"
                value={progress}
                max={1}
                className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
              />
              <p className="text-sm text-slate-700" aria-live="polite">
                {Math.round(progress * 100)}% uploaded
              </p>
            </div>
          )}
        </div>
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
    </Card>
  );
}
