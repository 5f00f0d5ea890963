"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { z } from "@/lib/zod";
import { Field } from "@/components/ui/field";
import { confirmPasswordReset, requestPasswordReset, verifyEmail } from "./api";
import { forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema, type LoginValues, type RegisterValues } from "./schemas";
import { showServerErrors } from "./server-errors";
import { useLogin, useRegister } from "./use-session";

function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-danger px-3 py-2 text-sm text-danger">
      {message}
    </p>
  );
}

export function LoginForm() {
  const login = useLogin();
  const { register, handleSubmit, setError, formState } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    mode: "onTouched",
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async (values) => {
        try {
          await login.mutateAsync(values);
        } catch (error) {
          showServerErrors(error, ["email", "password"], setError);
        }
      })}
    >
      <h1 className="text-2xl font-bold">Log in to Todo</h1>
      <FormError message={errors.root?.server?.message} />
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <Field label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Logging in…" : "Log in"}
      </button>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/register" className="text-accent underline">
          Create an account
        </Link>
        <Link href="/forgot-password" className="text-accent underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}

export function RegisterForm() {
  const registration = useRegister();
  const { register, handleSubmit, setError, formState } = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    mode: "onTouched",
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async (values) => {
        try {
          await registration.mutateAsync(values);
        } catch (error) {
          showServerErrors(error, ["name", "email", "password"], setError, { status: 409, field: "email" });
        }
      })}
    >
      <h1 className="text-2xl font-bold">Create your account</h1>
      <FormError message={errors.root?.server?.message} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...register("name")} />
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <Field label="Password" type="password" autoComplete="new-password" hint="At least 8 characters" error={errors.password?.message} {...register("password")} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Create account"}
      </button>
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/login" className="text-accent underline">
          Log in
        </Link>
      </p>
    </form>
  );
}

export function ForgotPasswordForm() {
  const request = useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });
  const { register, handleSubmit, setError, formState } = useForm<z.infer<typeof forgotPasswordSchema>>({
    resolver: zodResolver(forgotPasswordSchema),
    mode: "onTouched",
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = formState;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async ({ email }) => {
        try {
          await request.mutateAsync(email);
        } catch (error) {
          showServerErrors(error, ["email"], setError);
        }
      })}
    >
      <h1 className="text-2xl font-bold">Reset your password</h1>
      {request.isSuccess ? (
        <p role="status">{request.data.message}</p>
      ) : (
        <>
          <p className="text-sm text-muted">We will email you a link to choose a new password.</p>
          <FormError message={errors.root?.server?.message} />
          <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            Send reset link
          </button>
        </>
      )}
      <Link href="/login" className="text-sm text-accent underline">
        Back to log in
      </Link>
    </form>
  );
}

export function ResetPasswordForm() {
  const token = useSearchParams().get("token") ?? "";
  const reset = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password) });
  const { register, handleSubmit, setError, formState } = useForm<z.infer<typeof resetPasswordSchema>>({
    resolver: zodResolver(resetPasswordSchema),
    mode: "onTouched",
    defaultValues: { password: "" },
  });
  const { errors, isSubmitting } = formState;

  if (!token) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Choose a new password</h1>
        <p role="alert">This link has no reset token. Open the link from the email again, or ask for a new one.</p>
        <Link href="/forgot-password" className="text-sm text-accent underline">
          Ask for a new link
        </Link>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async ({ password }) => {
        try {
          await reset.mutateAsync(password);
        } catch (error) {
          showServerErrors(error, ["password"], setError);
        }
      })}
    >
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {reset.isSuccess ? (
        <p role="status">
          {reset.data.message}.{" "}
          <Link href="/login" className="text-accent underline">
            Log in
          </Link>
        </p>
      ) : (
        <>
          <FormError message={errors.root?.server?.message} />
          <Field label="New password" type="password" autoComplete="new-password" hint="At least 8 characters" error={errors.password?.message} {...register("password")} />
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            Change password
          </button>
        </>
      )}
    </form>
  );
}

export function VerifyEmail() {
  const token = useSearchParams().get("token") ?? "";
  const verify = useMutation({ mutationFn: () => verifyEmail(token) });
  const started = useRef(false);
  useEffect(() => {
    // Tokens work once: React's development double effects must not spend it twice.
    if (token && !started.current) {
      started.current = true;
      verify.mutate();
    }
  }, [token, verify]);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Verify your email</h1>
      {!token && <p role="alert">This link has no verification token. Open the link from the email again.</p>}
      {verify.isPending && <p role="status">Checking your link…</p>}
      {verify.isSuccess && <p role="status">Your email address is verified.</p>}
      {verify.isError && <p role="alert" className="text-danger">{verify.error.message}</p>}
      <Link href="/today" className="text-sm text-accent underline">
        Go to your tasks
      </Link>
    </div>
  );
}
